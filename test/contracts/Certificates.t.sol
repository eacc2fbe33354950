// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ARBITER_ROLE, CertificateKind, CertificateStatus} from "../../contracts/Common.sol";
import {ICertificateRegistry} from "../../contracts/ICertificateRegistry.sol";
import {Base} from "./Base.t.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract CertificatesTest is Base {
    uint256 internal m;
    bytes32 internal constant IREC = bytes32("I-REC");
    string internal constant SERIAL = "SE-2024-000123";
    bytes32 internal serialHash = keccak256(abi.encode(IREC, SERIAL));

    function setUp() public override {
        super.setUp();
        m = _register(alice);
    }

    function _record(address who, uint256 modelId, string memory s) internal returns (bytes32 id) {
        vm.prank(who);
        id = certs.recordCertificate(modelId, CertificateKind.REC, 500_000_000, IREC, s, "https://irec.example/1");
    }

    function _idOf(bytes32 h, uint256 n) internal pure returns (bytes32) {
        return bytes32((uint256(h) >> 32) << 32 | n);
    }

    function _certStatus(bytes32 id) internal view returns (uint8) {
        return uint8(certs.getCertificate(id).status);
    }

    function test_RecordCertificate() public {
        bytes32 id = _idOf(serialHash, 1);
        vm.expectEmit(true, true, true, true, address(certs));
        emit ICertificateRegistry.CertificateRecorded(
            id, m, alice, CertificateKind.REC, 500_000_000, IREC, serialHash, SERIAL, "https://irec.example/1"
        );
        assertEq(_record(alice, m, SERIAL), id);
        assertEq(certs.certificateSerialHash(IREC, SERIAL), serialHash);
        assertEq(certs.certificateOf(serialHash), id);
        ICertificateRegistry.CertificateState memory st = certs.getCertificate(id);
        assertEq(uint8(st.status), uint8(CertificateStatus.Pending));
        assertEq(uint8(st.kind), uint8(CertificateKind.REC));
        assertEq(st.modelId, m);
        assertEq(st.submitter, alice);
        assertEq(address(certs.attestations()), address(reg));
        assertEq(address(certs.models()), address(models));
    }

    function test_RecordCarbonCredit() public {
        vm.prank(alice);
        bytes32 id = certs.recordCertificate(m, CertificateKind.CARBON_CREDIT, 1000, "Verra", "VCS-VCU-1 TO 9", "");
        assertEq(uint8(certs.getCertificate(id).kind), uint8(CertificateKind.CARBON_CREDIT));
    }

    function test_UnknownIdsReadNone() public view {
        assertEq(certs.certificateOf(serialHash), bytes32(0));
        ICertificateRegistry.CertificateState memory st = certs.getCertificate(_idOf(serialHash, 1));
        assertEq(uint8(st.status), 0);
        assertEq(st.modelId, 0);
        assertEq(st.submitter, address(0));
    }

    function test_RevertWhen_RecordHeldSerial() public {
        bytes32 id = _record(alice, m, SERIAL);
        uint256 m2 = _register(bob);
        // another model, another owner: held while Pending
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistrySerialHeld.selector, serialHash, id)
        );
        _record(bob, m2, SERIAL);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        // and while Confirmed
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistrySerialHeld.selector, serialHash, id)
        );
        _record(alice, m, SERIAL);
    }

    function test_RecordAfterRejection() public {
        bytes32 first = _record(alice, m, SERIAL);
        vm.prank(verifier);
        certs.rejectCertificate(first, bytes32(0));
        bytes32 second = _record(alice, m, SERIAL);
        assertEq(second, _idOf(serialHash, 2));
        assertEq(certs.certificateOf(serialHash), second);
        assertEq(_certStatus(second), uint8(CertificateStatus.Pending));
        assertEq(_certStatus(first), uint8(CertificateStatus.None));
    }

    function test_RevertWhen_StaleVerdictOnLaterRecord() public {
        bytes32 first = _record(alice, m, SERIAL);
        vm.prank(verifier);
        certs.rejectCertificate(first, bytes32(0));
        _record(alice, m, SERIAL);
        // a verdict meant for the freed record never lands on the new one
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryWrongStatus.selector, first, CertificateStatus.None
            )
        );
        vm.prank(verifier2);
        certs.confirmCertificate(first);
    }

    function test_RevertWhen_RecordNumberExhausted() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.prank(verifier);
        certs.rejectCertificate(id, bytes32(0));
        // the word of the serial, with record number 2^32 - 1 (the mapping is the first slot)
        bytes32 slot = keccak256(abi.encode(uint256(serialHash) >> 32, uint256(0)));
        uint256 word = uint256(vm.load(address(certs), slot));
        assertEq(word >> 224, 1, "slot of the serial word");
        vm.store(address(certs), slot, bytes32((word & ((1 << 224) - 1)) | (uint256(type(uint32).max) << 224)));
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistrySerialHeld.selector,
                serialHash,
                _idOf(serialHash, type(uint32).max)
            )
        );
        _record(alice, m, SERIAL);
    }

    function test_RevertWhen_RecordZeroAmount() public {
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryZeroAmount.selector, 0));
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 0, IREC, SERIAL, "");
    }

    function test_RevertWhen_RecordUnknownIssuer() public {
        for (uint256 i; i < 3; ++i) {
            bytes32 label = [bytes32(0), bytes32("IREC"), bytes32("Gold standard")][i];
            vm.expectRevert(
                abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryUnknownIssuer.selector, label)
            );
            vm.prank(alice);
            certs.recordCertificate(m, CertificateKind.REC, 1, label, SERIAL, "");
        }
    }

    function test_RevertWhen_RecordEmptySerial() public {
        vm.expectRevert(ICertificateRegistry.CertificateRegistryEmptySerial.selector);
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.REC, 1, IREC, "", "");
    }

    function test_CanonicalSerials() public {
        string[4] memory ok = ["A", "0001 TO 0009", "GS1-1-IN-GS2445-16-2016-5887-1-1000", "~!/#:"];
        for (uint256 i; i < ok.length; ++i) {
            _record(alice, m, ok[i]);
        }
    }

    function test_RevertWhen_RecordNonCanonicalSerial() public {
        string[8] memory bad = [" A", "A ", "A  B", "a", "SE-z", "A\tB", unicode"SE-é", "A\x7f"];
        uint256[8] memory at = [uint256(0), 1, 2, 0, 3, 1, 3, 1];
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICertificateRegistry.CertificateRegistryNonCanonicalSerial.selector, bad[i], at[i]
                )
            );
            vm.prank(alice);
            certs.recordCertificate(m, CertificateKind.REC, 1, IREC, bad[i], "");
        }
    }

    function test_RevertWhen_RecordNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryNotModelOwner.selector, m, bob));
        _record(bob, m, SERIAL);
    }

    function test_RevertWhen_RecordMissingModel() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 42));
        _record(alice, 42, SERIAL);
    }

    function test_RevertWhen_RecordPaused() public {
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        _record(alice, m, SERIAL);
    }

    function test_ConfirmCertificate() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.expectEmit(true, true, false, false, address(certs));
        emit ICertificateRegistry.CertificateConfirmed(id, verifier);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        assertEq(_certStatus(id), uint8(CertificateStatus.Confirmed));
    }

    function test_RejectCertificate() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.expectEmit(true, true, false, true, address(certs));
        emit ICertificateRegistry.CertificateRejected(id, verifier, keccak256("void"));
        vm.prank(verifier);
        certs.rejectCertificate(id, keccak256("void"));
        assertEq(_certStatus(id), uint8(CertificateStatus.Rejected));
        assertEq(certs.certificateOf(serialHash), id, "the latest record until recorded again");
    }

    function test_RevokeCertificate() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        vm.expectEmit(true, true, false, true, address(certs));
        emit ICertificateRegistry.CertificateRevoked(id, arbiter, keccak256("double-claimed"));
        vm.prank(arbiter);
        certs.revokeCertificate(id, keccak256("double-claimed"));
        assertEq(_certStatus(id), uint8(CertificateStatus.Revoked));
        // frees the serial
        assertEq(_record(alice, m, SERIAL), _idOf(serialHash, 2));
    }

    function test_RevertWhen_RevokeNotConfirmed() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.startPrank(arbiter);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryWrongStatus.selector, id, CertificateStatus.Pending
            )
        );
        certs.revokeCertificate(id, bytes32(0));
        vm.stopPrank();
        vm.prank(verifier);
        certs.rejectCertificate(id, bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryWrongStatus.selector, id, CertificateStatus.Rejected
            )
        );
        vm.prank(arbiter);
        certs.revokeCertificate(id, bytes32(0));
    }

    function test_RevertWhen_RevokeNotArbiter() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICertificateRegistry.CertificateRegistryUnauthorized.selector, verifier, ARBITER_ROLE
            )
        );
        vm.prank(verifier);
        certs.revokeCertificate(id, bytes32(0));
    }

    function test_RevertWhen_RevokePaused() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.prank(verifier);
        certs.confirmCertificate(id);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        vm.prank(arbiter);
        certs.revokeCertificate(id, bytes32(0));
    }

    function test_SetIssuer() public {
        bytes32 label = "Isometric";
        assertFalse(certs.isIssuer(label));
        vm.expectEmit(true, false, false, true, address(certs));
        emit ICertificateRegistry.CertificateIssuerSet(label, true);
        vm.prank(admin);
        certs.setIssuer(label, true);
        assertTrue(certs.isIssuer(label));
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.CARBON_CREDIT, 1, label, SERIAL, "");
        // withdrawn: no new records under it
        vm.prank(admin);
        certs.setIssuer(label, false);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryUnknownIssuer.selector, label));
        vm.prank(alice);
        certs.recordCertificate(m, CertificateKind.CARBON_CREDIT, 1, label, "OTHER", "");
    }

    function test_RevertWhen_SetIssuerNotAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryUnauthorized.selector, arbiter, bytes32(0))
        );
        vm.prank(arbiter);
        certs.setIssuer("X", true);
    }

    function test_RevertWhen_SetEmptyIssuer() public {
        vm.expectRevert(ICertificateRegistry.CertificateRegistryEmptyIssuer.selector);
        vm.prank(admin);
        certs.setIssuer(bytes32(0), true);
    }

    function test_RevertWhen_ConfirmTwice() public {
        bytes32 id = _record(alice, m, SERIAL);
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
        bytes32 id = _record(alice, m, SERIAL);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryNotVerifier.selector, bob));
        vm.prank(bob);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmOwnModel() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.prank(alice);
        models.transferFrom(alice, verifier, m);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryConflict.selector, id, verifier));
        vm.prank(verifier);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmOwnSubmission() public {
        uint256 vm_ = _register(verifier);
        bytes32 id = _record(verifier, vm_, SERIAL);
        vm.prank(verifier);
        models.transferFrom(verifier, bob, vm_);
        vm.expectRevert(abi.encodeWithSelector(ICertificateRegistry.CertificateRegistryConflict.selector, id, verifier));
        vm.prank(verifier);
        certs.confirmCertificate(id);
    }

    function test_RevertWhen_ConfirmPaused() public {
        bytes32 id = _record(alice, m, SERIAL);
        vm.prank(pauser);
        reg.pause();
        vm.startPrank(verifier);
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        certs.confirmCertificate(id);
        vm.expectRevert(ICertificateRegistry.CertificateRegistryPaused.selector);
        certs.rejectCertificate(id, bytes32(0));
        vm.stopPrank();
    }

    function testFuzz_SerialHash(bytes32 registry, string calldata s) public view {
        assertEq(certs.certificateSerialHash(registry, s), keccak256(abi.encode(registry, s)));
    }

    /// @dev The guard keys on serialHash alone: another model, kind, amount or uri of a held serial reverts.
    function testFuzz_HeldWhateverTheOtherFields(uint8 kind, uint64 amount, string calldata uri) public {
        amount = uint64(bound(amount, 1, type(uint64).max));
        bytes32 id = _record(alice, m, SERIAL);
        uint256 m2 = _register(bob);
        vm.expectRevert(
            abi.encodeWithSelector(ICertificateRegistry.CertificateRegistrySerialHeld.selector, serialHash, id)
        );
        vm.prank(bob);
        certs.recordCertificate(m2, CertificateKind(kind % 2), amount, IREC, SERIAL, uri);
    }
}
