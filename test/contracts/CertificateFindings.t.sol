// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "../../contracts/Common.sol";
import {ICertificateRegistry} from "../../contracts/ICertificateRegistry.sol";
import {Base} from "./Base.t.sol";

/// @dev Regression tests of issue 12 (protocol v1.1) for the certificate registry (M-2, L-1). Both findings were
/// seen to fail on the v1 contract (M-2: `CertificateRegistryAlreadyClaimed` for the real holder after the
/// squatter's rejection; L-1: the second record under "i-rec" succeeded).
contract CertificateFindingsTest is Base {
    string internal constant SERIAL = "0000-0001-0000-0001 TO 0000-0001-0000-0500";

    // ------------------------------------------------------------ M-2 serial squatting
    function test_SquattedSerialFreedByRejection() public {
        uint256 real = _register(alice);
        uint256 throwaway = _register(bob);
        vm.prank(bob);
        bytes32 squat = certs.recordCertificate(throwaway, CertificateKind.REC, 1, "I-REC", SERIAL, "");
        vm.prank(verifier);
        certs.rejectCertificate(squat, keccak256("not the holder"));
        vm.prank(alice);
        bytes32 id = certs.recordCertificate(real, CertificateKind.REC, 500, "I-REC", SERIAL, "https://irec.example/1");
        assertTrue(id != squat, "a new id for the new record");
        assertEq(uint8(certs.getCertificate(id).status), uint8(CertificateStatus.Pending));
        assertEq(certs.getCertificate(id).modelId, real);
        assertEq(uint8(certs.getCertificate(squat).status), uint8(CertificateStatus.None), "the squat is history");
    }

    function test_ConfirmedSquatFreedByRevocation() public {
        uint256 real = _register(alice);
        uint256 throwaway = _register(bob);
        vm.prank(bob);
        bytes32 squat = certs.recordCertificate(throwaway, CertificateKind.REC, 1, "I-REC", SERIAL, "");
        vm.prank(verifier);
        certs.confirmCertificate(squat);
        vm.prank(arbiter);
        certs.revokeCertificate(squat, keccak256("double-claimed"));
        vm.prank(alice);
        certs.recordCertificate(real, CertificateKind.REC, 500, "I-REC", SERIAL, "");
    }

    // ------------------------------------------------------------ L-1 same certificate under another label
    function test_RevertWhen_SameCertificateUnderAnotherLabel() public {
        uint256 m = _register(alice);
        vm.startPrank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 1, "I-REC", SERIAL, "");
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryUnknownIssuer.selector, bytes32("i-rec"))
        );
        certs.recordCertificate(m, CertificateKind.REC, 1, "i-rec", SERIAL, "");
        vm.stopPrank();
    }

    function test_RevertWhen_SameCertificateUnderAnotherSerialSpelling() public {
        uint256 m = _register(alice);
        vm.startPrank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 1, "I-REC", "SE-2024-000123", "");
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryNonCanonicalSerial.selector, "se-2024-000123", 0
            )
        );
        certs.recordCertificate(m, CertificateKind.REC, 1, "I-REC", "se-2024-000123", "");
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryNonCanonicalSerial.selector, "SE-2024-000123 ", 14
            )
        );
        certs.recordCertificate(m, CertificateKind.REC, 1, "I-REC", "SE-2024-000123 ", "");
        vm.stopPrank();
    }
}
