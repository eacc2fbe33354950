// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind} from "../../contracts/Common.sol";
import {OneModelBase} from "./Base.t.sol";

/// @dev Regression tests of issue 12 (v1.1): L-4 (one evidence document backs one attestation) and attestation
/// ids under non-canonical calldata.
contract ReviewFindingsEvidenceTest is OneModelBase {
    // ------------------------------------------------------------ L-4 one evidence document backs one attestation

    function _usedError(bytes32 evidence, bytes32 by) internal pure returns (bytes memory) {
        return abi.encodeWithSignature("AttestationRegistryEvidenceAlreadyUsed(bytes32,bytes32)", evidence, by);
    }

    /// @dev The same measured period is the same evidence: same document, under the three kinds and another model.
    function _sameMeteredPeriod(uint256 modelId, Kind kind) internal pure returns (Attestation memory a) {
        a = _att(modelId, kind, uint64(T0 - 10 days), uint64(T0 - 9 days));
        a.evidenceHash = sha256("one PDU export of one metered period");
    }

    /// @dev L-4: v1 paid one metered period with one evidence document four times, as PRETRAINING, FINETUNING and
    /// INFERENCE of a model and once more under a second model of the same owner. Each copy is refused now.
    function test_RevertWhen_EvidenceReusedUnderOtherKindsAndModels() public {
        uint256 other = _register(alice);
        Attestation memory first = _sameMeteredPeriod(m, Kind.PRETRAINING);
        bytes32 id = _final(alice, first);
        vm.prank(alice);
        (uint256 paid,) = reg.claimReward(first);
        assertGt(paid, 0);
        Attestation[3] memory copies = [
            _sameMeteredPeriod(m, Kind.FINETUNING),
            _sameMeteredPeriod(m, Kind.INFERENCE),
            _sameMeteredPeriod(other, Kind.PRETRAINING)
        ];
        for (uint256 i; i < copies.length; ++i) {
            vm.expectRevert(_usedError(first.evidenceHash, id));
            vm.prank(alice);
            reg.submit(copies[i]);
        }
        assertEq(leaf.balanceOf(alice), paid, "paid once");
    }

    /// @dev The guard holds on the signed paths too: a relayed owner signature and a verifier-signed submission.
    function test_RevertWhen_EvidenceReusedBySignedSubmissions() public {
        Attestation memory first = _sameMeteredPeriod(m, Kind.PRETRAINING);
        bytes32 id = _submit(alice, first);
        Attestation memory copy = _sameMeteredPeriod(m, Kind.INFERENCE);
        bytes memory ownerSig = _submitSig(alicePk, copy, 0, block.timestamp);
        vm.expectRevert(_usedError(first.evidenceHash, id));
        reg.submitWithSig(copy, alice, 0, block.timestamp, ownerSig);
        bytes memory verifierSig = _verifiedSig(verifierPk, copy, 0, block.timestamp);
        vm.expectRevert(_usedError(first.evidenceHash, id));
        vm.prank(alice);
        reg.submitVerified(copy, verifier, 0, block.timestamp, verifierSig);
    }

    /// @dev A Rejected or Withdrawn attestation frees its evidence (SPEC 4, v1.1): the document can back another.
    function test_RejectedOrWithdrawnFreesEvidence() public {
        Attestation memory first = _sameMeteredPeriod(m, Kind.PRETRAINING);
        bytes32 id = _submit(alice, first);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        Attestation memory second = _sameMeteredPeriod(m, Kind.FINETUNING);
        bytes32 id2 = _submit(alice, second);
        vm.prank(alice);
        reg.withdraw(id2);
        bytes32 id3 = _submit(alice, _sameMeteredPeriod(m, Kind.INFERENCE));
        // and the latest user holds it again
        Attestation memory fourth = _sameMeteredPeriod(_register(alice), Kind.INFERENCE);
        vm.expectRevert(_usedError(first.evidenceHash, id3));
        vm.prank(alice);
        reg.submit(fourth);
    }

    /// @dev Superseded, Invalidated and Final attestations keep their evidence: their energy was attested.
    function test_RevertWhen_EvidenceOfSupersededOrInvalidatedReused() public {
        (bytes32 pid, Attestation memory p) = _verified();
        Attestation memory c = _copy(p);
        c.energyWh = p.energyWh / 2;
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        _verify(cid); // p is Superseded now
        Attestation memory again = _copy(p);
        again.modelId = _register(alice);
        vm.expectRevert(_usedError(p.evidenceHash, pid));
        vm.prank(alice);
        reg.submit(again);
        _dispute(cid);
        vm.prank(arbiter);
        reg.upholdDispute(cid, bytes32(0)); // c is Invalidated now
        Attestation memory cAgain = _copy(c);
        cAgain.supersedes = bytes32(0);
        cAgain.modelId = again.modelId;
        vm.expectRevert(_usedError(c.evidenceHash, cid));
        vm.prank(alice);
        reg.submit(cAgain);
    }

    // ------------------------------------------------------------ ids under non-canonical calldata

    /// @dev Sets a bit outside the type of head field `field` (1..12: kind .. region) of an ABI-encoded
    /// `f(Attestation)` call: the high bits of the uintN fields, the low bits of the bytes8 region.
    function _dirty(bytes memory data, uint256 field, uint256 bitSeed) internal pure returns (bytes memory) {
        uint16[13] memory bits = [256, 8, 8, 64, 16, 32, 16, 64, 64, 64, 64, 64, 0];
        uint256 mask;
        if (field == 12) mask = uint256(1) << bound(bitSeed, 0, 191);
        else mask = uint256(1) << bound(bitSeed, bits[field], 255);
        uint256 at = 4 + 32 + 32 * field; // selector, struct offset, head word
        uint256 word;
        assembly {
            word := mload(add(add(data, 0x20), at))
            mstore(add(add(data, 0x20), at), or(word, mask))
        }
        return data;
    }

    /// @dev A field with dirty bits hashes to another id: it must neither be stored by submit nor be paid by
    /// claimReward, and the canonical attestation is still paid exactly once.
    function testFuzz_NonCanonicalCalldataNeverStoresOrPays(uint256 field, uint256 bitSeed) public {
        field = bound(field, 1, 12);
        Attestation memory a = _att(m);
        vm.prank(alice);
        (bool ok,) = address(reg).call(_dirty(abi.encodeCall(reg.submit, (a)), field, bitSeed));
        assertFalse(ok, "dirty submit accepted");
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(alice);
        (ok,) = address(reg).call(_dirty(abi.encodeCall(reg.claimReward, (a)), field, bitSeed));
        assertFalse(ok, "dirty claim paid");
        assertEq(leaf.totalSupply(), 0);
        vm.prank(alice);
        (uint256 reward,) = reg.claimReward(a);
        assertEq(reward, _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, 475));
    }
}
