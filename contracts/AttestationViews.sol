// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationHash} from "./AttestationHash.sol";
import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {Attestation, Kind, Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {DisputeWord} from "./types/DisputeWord.sol";
import {ModelCursor} from "./types/ModelCursor.sol";

/// @title Views of the attestation registry's stored state
/// @notice getAttestation decodes an attestation's state word; the others read one mapping each.
abstract contract AttestationViews is IAttestationRegistry, AttestationRegistryStorage {
    /// @inheritdoc IAttestationRegistry
    function getAttestation(bytes32 id) external view override returns (AttestationState memory st) {
        AttestationWord s = _states[id];
        st.status = _effective(s);
        st.kind = s.kind();
        st.claimed = s.claimed();
        st.isCorrection = s.isCorrection();
        st.modelId = s.modelId();
        st.periodStart = uint64(s.periodStart());
        st.periodEnd = uint64(s.periodEnd());
        Status stored = s.storedStatus();
        if (st.claimed) {
            st.paid = s.paid();
        } else if (stored == Status.Disputed) {
            st.remainingWindow = uint64(s.window());
        } else if (stored != Status.Invalidated && s.window() != 0) {
            // as a timestamp: the pause-free deadline plus the time paused so far
            st.finalAt = uint64(s.window() + block.timestamp - _clock());
        }
        // only a verdict stores a verifier (before it the bits hold the submitter)
        if (s.hasVerdict() && !st.claimed) st.verifier = _verifierByIndex[s.verifierIndex()].account();
    }

    /// @inheritdoc IAttestationRegistry
    function effectiveStatus(bytes32 id) external view override returns (Status) {
        return _effective(_states[id]);
    }

    /// @inheritdoc IAttestationRegistry
    function attestationId(Attestation calldata attestation) external pure override returns (bytes32) {
        return AttestationHash.hash(attestation);
    }

    /// @inheritdoc IAttestationRegistry
    function refundOf(address account) external view override returns (uint256) {
        return _refunds[account];
    }

    /// @inheritdoc IAttestationRegistry
    function disputeOf(bytes32 id) external view override returns (address challenger, uint256 bond) {
        DisputeWord d = _disputes[id];
        return (d.challenger(), d.bond());
    }

    /// @inheritdoc IAttestationRegistry
    function supersedesOf(bytes32 id) external view override returns (bytes32) {
        return _supersedes[id];
    }

    /// @inheritdoc IAttestationRegistry
    function modelCursor(uint256 modelId)
        external
        view
        override
        returns (uint64[3] memory latestEnd, uint16 livePretraining)
    {
        (,, ModelCursor cursor) = _context(modelId);
        for (uint256 k; k < 3; ++k) {
            latestEnd[k] = uint64(cursor.latest(Kind(k)));
        }
        livePretraining = cursor.live();
    }
}
