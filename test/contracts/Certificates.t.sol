// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "../../contracts/Common.sol";
import {ICertificateRegistry} from "../../contracts/ICertificateRegistry.sol";
import {Base} from "./Base.t.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract CertificatesTest is Base {
    uint256 internal m;
    bytes32 internal constant IREC = bytes32("I-REC");
    bytes32 internal serial = keccak256(abi.encode(IREC, "SE-2024-000123"));

    function setUp() public override {
        super.setUp();
        m = _register(alice);
    }

    function _record(address who, uint256 modelId, bytes32 s) internal returns (bytes32 id) {
        vm.prank(who);
        id = certs.recordCertificate(modelId, CertificateKind.REC, 500_000_000, IREC, s, "https://irec.example/1");
    }

    function test_RecordCertificate() public {
        bytes32 id = keccak256(abi.encode(IREC, serial));
        vm.expectEmit(true, true, true, true, address(certs));
        emit ICertificateRegistry.CertificateRecorded(
            id, m, alice, CertificateKind.REC, 500_000_000, IREC, serial, "https://irec.example/1"
        );
        assertEq(_record(alice, m, serial), id);
        assertEq(certs.certificateId(IREC, serial), id);
        ICertificateRegistry.CertificateState memory st = certs.getCertificate(id);
        assertEq(uint8(st.status), uint8(CertificateStatus.Recorded));
        assertEq(uint8(st.kind), uint8(CertificateKind.REC));
        assertEq(st.modelId, m);
        assertEq(st.submitter, alice);
        assertEq(address(certs.attestations()), address(reg));
        assertEq(address(certs.models()), address(models));
    }

    function test_RecordCarbonCredit() public {
        vm.prank(alice);
        bytes32 id = certs.recordCertificate(m, CertificateKind.CARBON_CREDIT, 1000, bytes32("Verra"), serial, "");
        assertEq(uint8(certs.getCertificate(id).kind), uint8(CertificateKind.CARBON_CREDIT));
    }

    function test_RevertWhen_RecordTwice() public {
        _record(alice, m, serial);
        uint256 m2 = _register(bob);
        // even another model, another owner: once ever
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryAlreadyClaimed.selector, IREC, serial)
        );
        _record(bob, m2, serial);
    }

    function test_RevertWhen_RecordAfterRejection() public {
        bytes32 id = _record(alice, m, serial);
        vm.prank(verifier);
        certs.rejectCertificate(id, bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryAlreadyClaimed.selector, IREC, serial)
        );
        _record(alice, m, serial);
    }

    function test_SameSerialOtherRegistry() public {
        _record(alice, m, serial);
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 1, bytes32("Gold Standard"), serial, "");
    }

    function test_RevertWhen_RecordZeroAmount() public {
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryZeroAmount.selector, 0));
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 0, IREC, serial, "");
    }

    function test_RevertWhen_RecordEmptyRegistry() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryEmptyRegistry.selector, bytes32(0))
        );
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 1, bytes32(0), serial, "");
    }

    function test_RevertWhen_RecordEmptySerial() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryEmptySerial.selector, bytes32(0))
        );
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 1, IREC, bytes32(0), "");
    }

    function test_RevertWhen_RecordNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryNotModelOwner.selector, m, bob));
        _record(bob, m, serial);
    }

    function test_RevertWhen_RecordMissingModel() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 42));
        _record(alice, 42, serial);
    }

    function test_RevertWhen_RecordPaused() public {
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        _record(alice, m, serial);
    }

    function test_ConfirmCertificate() public {
        bytes32 id = _record(alice, m, serial);
        vm.expectEmit(true, true, false, false, address(certs));
        emit ICertificateRegistry.CertificateConfirmed(id, verifier);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        assertEq(uint8(certs.getCertificate(id).status), uint8(CertificateStatus.Confirmed));
    }

    function test_RejectCertificate() public {
        bytes32 id = _record(alice, m, serial);
        vm.expectEmit(true, true, false, true, address(certs));
        emit ICertificateRegistry.CertificateRejected(id, verifier, keccak256("void"));
        vm.prank(verifier);
        certs.rejectCertificate(id, keccak256("void"));
        assertEq(uint8(certs.getCertificate(id).status), uint8(CertificateStatus.Rejected));
    }

    function test_RevertWhen_ConfirmTwice() public {
        bytes32 id = _record(alice, m, serial);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryWrongStatus.selector, id, CertificateStatus.Confirmed
            )
        );
        vm.prank(verifier2);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmNotVerifier() public {
        bytes32 id = _record(alice, m, serial);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryNotVerifier.selector, bob));
        vm.prank(bob);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmOwnModel() public {
        bytes32 id = _record(alice, m, serial);
        vm.prank(alice);
        models.transferFrom(alice, verifier, m);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryConflict.selector, id, verifier));
        vm.prank(verifier);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmOwnSubmission() public {
        uint256 vm_ = _register(verifier);
        bytes32 id = _record(verifier, vm_, serial);
        vm.prank(verifier);
        models.transferFrom(verifier, bob, vm_);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryConflict.selector, id, verifier));
        vm.prank(verifier);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmPaused() public {
        bytes32 id = _record(alice, m, serial);
        vm.prank(pauser);
        reg.pause();
        vm.startPrank(verifier);
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        certs.confirmCertificate(id);
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        certs.rejectCertificate(id, bytes32(0));
        vm.stopPrank();
    }

    function testFuzz_CertificateId(bytes32 registry, bytes32 s) public view {
        assertEq(certs.certificateId(registry, s), keccak256(abi.encode(registry, s)));
    }
}
