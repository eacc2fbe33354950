// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {SigningBase} from "./Base.t.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @dev Owner signatures (submitWithSig, EIP-712): replay, nonces (keyed nonces, issue 12 L-3), deadline, chain,
/// contract, signer, malleability and every signed field.
contract SignaturesTest is SigningBase {
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    // ------------------------------------------------------------ submitWithSig

    function test_SubmitWithSig() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.prank(bob); // any relayer
        bytes32 id = reg.submitWithSig(a, alice, 0, deadline, sig);
        assertEq(id, _id(a));
        assertEq(reg.nonces(alice), 1);
        assertEq(uint8(_status(id)), uint8(Status.Submitted));
        // alice is recorded as submitter: a verifier equal to the relayer is fine, alice as verifier is not
    }

    function test_RevertWhen_SubmitWithSigReplayed() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        reg.submitWithSig(a, alice, 0, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, 1));
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigCancelledNonce() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.NonceCancelled(alice, 0);
        vm.prank(alice);
        reg.cancelNonce();
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, 1));
        reg.submitWithSig(a, alice, 0, deadline, sig);
        // a signature with the wrong nonce value is refused too
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 1, deadline, sig);
    }

    // ------------------------------------------------------------ issue 12 L-3: keyed nonces (SPEC 5, v1.1)

    function _keyed(uint192 key, uint64 sequence) internal pure returns (uint256) {
        return (uint256(key) << 64) | sequence;
    }

    /// @dev v1 had one sequence per signer: a verdict signed for one relayer and withheld blocked every later one.
    function test_WithheldKeyedSignatureBlocksOnlyItsKey() public {
        bytes32 id1 = _submit(alice, _att(m, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days)));
        bytes32 id2 = _submit(alice, _att(m, Kind.FINETUNING, uint64(T0 - 3 days), uint64(T0 - 2 days)));
        // signed for counterparty A (key 1), withheld; then for counterparty B (key 2)
        _verdictSig(verifierPk, id1, true, bytes32(0), _keyed(1, 0), deadline);
        bytes memory forB = _verdictSig(verifierPk, id2, true, bytes32(0), _keyed(2, 0), deadline);
        reg.verdictWithSig(id2, true, bytes32(0), verifier, _keyed(2, 0), deadline, forB);
        assertEq(uint8(_status(id2)), uint8(Status.Verified));
        (bool ok, bytes memory ret) =
            address(reg).staticcall(abi.encodeWithSignature("nonces(address,uint192)", verifier, uint192(2)));
        assertTrue(ok);
        assertEq(abi.decode(ret, (uint256)), _keyed(2, 1));
        assertEq(reg.nonces(verifier), 0, "key 0, the v1 sequence, untouched");
    }

    function testFuzz_KeyedNonceReplayRefused(uint192 key, uint64 sequenceOffset) public {
        key = uint192(bound(key, 1, type(uint192).max));
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, _keyed(key, 0), deadline);
        reg.submitWithSig(a, alice, _keyed(key, 0), deadline, sig);
        // the same key's next sequence is 1: replaying 0, or skipping ahead, is refused
        uint64 wrong = sequenceOffset == 1 ? 0 : sequenceOffset;
        Attestation memory b = _att(m, Kind.FINETUNING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes memory sig2 = _submitSig(alicePk, b, _keyed(key, wrong), deadline);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, _keyed(key, 1)));
        reg.submitWithSig(b, alice, _keyed(key, wrong), deadline, sig2);
    }

    function test_RevertWhen_KeyedNonceCancelled() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, _keyed(7, 0), deadline);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.NonceCancelled(alice, _keyed(7, 0));
        vm.prank(alice);
        (bool ok,) = address(reg).call(abi.encodeWithSignature("cancelKeyedNonce(uint192)", uint192(7)));
        assertTrue(ok);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, _keyed(7, 1)));
        reg.submitWithSig(a, alice, _keyed(7, 0), deadline, sig);
        // other keys and key 0 still work
        sig = _submitSig(alicePk, a, 0, deadline);
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_CancelKeyedNoncePaused() public {
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.cancelKeyedNonce(7);
    }

    function test_RevertWhen_SubmitWithSigExpired() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryExpired.selector, deadline));
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_SubmitWithSigAtDeadline() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.warp(deadline);
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigOtherChain() public {
        Attestation memory a = _att(m);
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), 0, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", _domainSeparator(address(reg), 1), structHash));
        bytes memory sig = _sign(alicePk, digest);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, sig);
        // and a signature valid here fails after a fork changes the chain id
        bytes memory good = _submitSig(alicePk, a, 0, deadline);
        vm.chainId(999);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, good);
    }

    function test_RevertWhen_SubmitWithSigOtherContract() public {
        Attestation memory a = _att(m);
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), 0, deadline));
        bytes32 digest = keccak256(
            abi.encodePacked("\x19\x01", _domainSeparator(makeAddr("otherRegistry"), block.chainid), structHash)
        );
        bytes memory sig = _sign(alicePk, digest);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigWrongSigner() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(bobPk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, sig);
        // bob signing for himself is valid but bob is not the owner
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        reg.submitWithSig(a, bob, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigHighS() public {
        Attestation memory a = _att(m);
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), 0, deadline));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, _digest(structHash));
        bytes32 highS = bytes32(N - uint256(s));
        uint8 flippedV = v == 27 ? 28 : 27;
        // the malleable twin recovers to the same address but is refused
        assertEq(ecrecover(_digest(structHash), flippedV, r, highS), alice);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, abi.encodePacked(r, highS, flippedV));
    }

    function test_RevertWhen_SubmitWithSigMalformed() public {
        Attestation memory a = _att(m);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, hex"1234");
    }

    /// @dev A relayer changing any single field of a signed submission invalidates the signature.
    function testFuzz_RevertWhen_SubmitWithSigFrontRunChangesField(uint8 field, uint256 delta) public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        field = uint8(bound(field, 0, 16));
        delta = bound(delta, 1, 1000);
        Attestation memory b = _copy(a);
        if (field == 0) b.modelId = _register(alice);
        else if (field == 1) b.kind = Kind.FINETUNING;
        else if (field == 2) b.method = Method.SOFTWARE;
        else if (field == 3) b.energyWh += uint64(delta);
        else if (field == 4) b.pueMilli += uint16(delta);
        else if (field == 5) b.locationIntensity -= uint32(delta % 400 + 1);
        else if (field == 6) b.renewableBps -= uint16(delta);
        else if (field == 7) b.acceleratorHours += uint64(delta);
        else if (field == 8) b.workUnits += uint64(delta);
        else if (field == 9) b.embodiedG += uint64(delta);
        else if (field == 10) b.periodStart += uint64(delta);
        else if (field == 11) b.periodEnd += uint64(delta);
        else if (field == 12) b.region = bytes8("FR");
        else if (field == 13) b.evidenceHash = keccak256(abi.encode(delta));
        else if (field == 14) b.evidenceURI = "ipfs://other";
        else if (field == 15) b.rowsRoot = keccak256(abi.encode(delta));
        else b.supersedes = _submit(alice, _att(m, Kind.INFERENCE, uint64(T0 - 9 days), uint64(T0 - 8 days)));
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        vm.prank(bob);
        reg.submitWithSig(b, alice, 0, deadline, sig);
    }
}
