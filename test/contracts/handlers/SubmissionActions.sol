// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method} from "../../../contracts/Common.sol";
import {GhostModel} from "./GhostModel.sol";

/// @dev Handler actions that create attestations (submit, relayed submit, submitVerified, corrections) and the
/// holder actions around them (model transfers, cancelled nonces).
abstract contract SubmissionActions is GhostModel {
    /// @dev submitVerified with a verifier signature: lands Verified in one transaction.
    function submitVerified(uint256 modelSeed, uint256 kindSeed, uint64 len, uint64 energy, uint256 vSeed) external {
        uint256 m = _model(modelSeed);
        uint256 k = bound(kindSeed, 0, 2);
        Attestation memory a = _nextPeriod(m, k, 0, bound(len, 1, 3 days));
        a.energyWh = uint64(bound(energy, 1, 1e13));
        a.pueMilli = 1000;
        a.locationIntensity = 100;
        a.evidenceHash = keccak256(abi.encode("sv", ++nonce));
        (address v, uint256 key) = _verifier(vSeed);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash =
            keccak256(abi.encode(reg.VERIFIED_ATTESTATION_TYPEHASH(), reg.attestationId(a), reg.nonces(v), deadline));
        bytes memory sig = _sign(key, structHash);
        uint256 n = reg.nonces(v);
        _asOwner(m);
        try reg.submitVerified(a, v, n, deadline, sig) returns (bytes32 id) {
            _record(id, a, false);
            maxEnd[m][k] = a.periodEnd;
            _onVerified(id, v);
            ++successes[0];
        } catch {
            _check(
                isPaused || !activeVerifier[v] || models.ownerOf(m) == v
                    || (k == 0 && models.getModel(m).trainingSealed),
                "unexpected submitVerified failure"
            );
        }
    }

    function submit(uint256 modelSeed, uint256 kindSeed, uint64 gap, uint64 len, uint64 energy, uint256 misc) external {
        uint256 m = _model(modelSeed);
        uint256 k = bound(kindSeed, 0, 2);
        Attestation memory a = _nextPeriod(m, k, bound(gap, 0, 1 days), bound(len, 1, 3 days));
        a.method = Method(misc % 3);
        a.energyWh = uint64(bound(energy, 1, 1e13));
        a.pueMilli = 1200;
        a.locationIntensity = uint32(misc % 2001);
        a.renewableBps = uint16((misc >> 16) % 10_001);
        a.evidenceHash = keccak256(abi.encode(misc, ++nonce));
        // one time in seven, the evidence document of an earlier attestation (SPEC 4, v1.1 L-4)
        bool reused = misc % 7 == 0 && ids.length != 0;
        if (reused) a.evidenceHash = fields[ids[(misc >> 8) % ids.length]].evidenceHash;
        bool evidenceFree = !reused || _evidenceFree(a.evidenceHash);
        a.evidenceURI = "ipfs://e";
        (bool ok, bytes32 id) = _send(a, misc);
        if (ok) {
            _check(evidenceFree, "an evidence document backs two live attestations");
            _record(id, a, false);
            maxEnd[m][k] = a.periodEnd;
            ++successes[0];
        } else {
            // a pause, a sealed model (PRETRAINING) and used evidence are the only expected refusals
            _check(
                isPaused || (k == 0 && models.getModel(m).trainingSealed) || !evidenceFree, "unexpected submit failure"
            );
        }
    }

    /// @dev A new attestation of model `m` and kind `k` whose period starts `gap` seconds after the latest one of
    /// its kind and lasts `len` seconds; time moves on to its end (a period may not end in the future).
    function _nextPeriod(uint256 m, uint256 k, uint256 gap, uint256 len) internal returns (Attestation memory a) {
        uint64 start = maxEnd[m][k] + uint64(gap);
        uint64 end = start + uint64(len);
        if (end > block.timestamp) vm.warp(end);
        a.modelId = m;
        a.kind = Kind(k);
        a.periodStart = start;
        a.periodEnd = end;
    }

    /// @dev Submits as the model's current holder, or (one time in two) relays the holder's EIP-712 signature.
    function _send(Attestation memory a, uint256 misc) internal returns (bool ok, bytes32 id) {
        address owner = models.ownerOf(a.modelId);
        if (misc & (1 << 40) == 0) {
            vm.prank(owner);
            try reg.submit(a) returns (bytes32 got) {
                return (true, got);
            } catch {
                return (false, 0);
            }
        }
        uint256 n = reg.nonces(owner);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = _sign(
            keyOf[owner], keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), reg.attestationId(a), n, deadline))
        );
        vm.prank(address(uint160(misc >> 48) | 1)); // any relayer
        try reg.submitWithSig(a, owner, n, deadline, sig) returns (bytes32 got) {
            ++signedSubmissions;
            return (true, got);
        } catch {
            return (false, 0);
        }
    }

    function correct(uint256 seed, uint64 energy, uint64 shift, uint64 extend) external {
        if (ids.length == 0) return;
        bytes32 pid = ids[seed % ids.length];
        Attestation memory a = abi.decode(abi.encode(fields[pid]), (Attestation));
        a.energyWh = uint64(bound(energy, 1, 1e13));
        // a correction may start later than its predecessor and may try to extend it
        a.periodStart += uint64(bound(shift, 0, a.periodEnd - a.periodStart - 1));
        if (extend % 3 == 0) {
            a.periodEnd += uint64(bound(extend, 1, 1 days));
            if (a.periodEnd > block.timestamp) vm.warp(a.periodEnd);
        }
        a.supersedes = pid;
        a.evidenceHash = keccak256(abi.encode(pid, ++nonce));
        _asOwner(a.modelId);
        try reg.submit(a) returns (bytes32 id) {
            _recordCorrection(pid, id, a);
        } catch {}
    }

    /// @dev The holder transfers a model NFT to another holder (possibly a verifier, who then may not verify it).
    function transferModel(uint256 modelSeed, uint256 toSeed) external {
        uint256 m = _model(modelSeed);
        address from = models.ownerOf(m);
        vm.prank(from);
        try models.transferFrom(from, holders[toSeed % 4], m) {
            ++transfers;
        } catch {
            _check(isPaused, "unexpected transfer failure");
        }
    }

    /// @dev A signer burns its current nonce; the next signatures use the following one.
    function cancelNonce(uint256 who) external {
        address signer = holders[who % 4];
        uint256 n = reg.nonces(signer);
        vm.prank(signer);
        try reg.cancelNonce() {
            _check(reg.nonces(signer) == n + 1, "cancelNonce did not burn the nonce");
            ++cancelledNonces;
        } catch {
            _check(isPaused, "unexpected cancelNonce failure");
        }
    }
}
