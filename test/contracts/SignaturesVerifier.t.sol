// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {Attestation, Kind, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {LeafToken} from "../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {SigningBase} from "./Base.t.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @dev Verifier signatures: relayed verdicts (verdictWithSig) and submitVerified, and replay across deployments.
contract SignaturesVerifierTest is SigningBase {
    // ------------------------------------------------------------ verdictWithSig

    function test_VerdictWithSigApprove() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationVerified(id, verifier, uint64(block.timestamp + WINDOW));
        vm.prank(bob);
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
        assertEq(reg.nonces(verifier), 1);
    }

    function test_VerdictWithSigReject() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, false, keccak256("no"), 0, deadline);
        reg.verdictWithSig(id, false, keccak256("no"), verifier, 0, deadline, sig);
        assertEq(uint8(_status(id)), uint8(Status.Rejected));
    }

    function test_RevertWhen_VerdictWithSigFlipped() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, false, keccak256("no"), 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, verifier)
        );
        reg.verdictWithSig(id, true, keccak256("no"), verifier, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigNonVerifier() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(bobPk, id, true, bytes32(0), 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, bob));
        reg.verdictWithSig(id, true, bytes32(0), bob, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigReplayed() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, verifier, 1));
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigExpired() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryExpired.selector, deadline));
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigPaused() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
    }

    // ------------------------------------------------------------ submitVerified

    function test_SubmitVerified() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        bytes32 id = _id(a);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationVerified(id, verifier, uint64(block.timestamp + WINDOW));
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Verified));
        assertEq(st.verifier, verifier);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(a);
        assertGt(r, 0);
    }

    function test_SubmitVerifiedCorrection() public {
        Attestation memory p = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _copy(p);
        c.energyWh = 5;
        c.supersedes = pid;
        _newEvidence(c);
        bytes memory sig = _verifiedSig(verifierPk, c, 0, deadline);
        vm.prank(alice);
        reg.submitVerified(c, verifier, 0, deadline, sig);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 1);
    }

    function test_RevertWhen_SubmitVerifiedNotVerifier() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(bobPk, a, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, bob));
        vm.prank(alice);
        reg.submitVerified(a, bob, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedByVerifierOwner() public {
        uint256 vm_ = _register(verifier);
        Attestation memory a = _att(vm_);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryVerifierIsOwner.selector, vm_, verifier)
        );
        vm.prank(verifier);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedNotOwner() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        vm.prank(bob);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedChangedField() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        a.energyWh += 1;
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, verifier)
        );
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedWithOwnerSignatureType() public {
        // a SubmitAttestation signature of the verifier is not a VerifiedAttestation signature
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(verifierPk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, verifier)
        );
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedPaused() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        reg.submitWithSig(a, alice, 0, deadline, sig);
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.cancelNonce();
    }

    function test_RevertWhen_ReplayOnSecondDeployment() public {
        // an identical second deployment on the same chain refuses signatures made for the first
        uint64 nonce = vm.getNonce(address(this));
        address predicted = vm.computeCreateAddress(address(this), nonce + 2);
        ModelRegistry models2 = new ModelRegistry(predicted);
        LeafToken leaf2 = new LeafToken(predicted);
        AttestationRegistry reg2 = new AttestationRegistry(models2, leaf2, address(1), admin, _params());
        vm.prank(alice);
        models2.registerModel("x", keccak256("x"), 0, 1);
        Attestation memory a = _att(1);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline); // for `reg`
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg2.submitWithSig(a, alice, 0, deadline, sig);
    }
}
