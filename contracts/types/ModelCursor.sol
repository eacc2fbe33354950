// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Kind} from "../Common.sol";

/// @dev A model's attestation cursor: 136 bits that the ModelRegistry keeps for the AttestationRegistry in the
/// model's word (see ModelWord), so that a model's first attestation pays for no fresh slot. The layout, written
/// here only:
///
/// | bits     | field                                                                                      |
/// |----------|--------------------------------------------------------------------------------------------|
/// | 0..39    | end of the latest period of kind PRETRAINING (the kind's frontier)                         |
/// | 40..79   | the same for FINETUNING                                                                    |
/// | 80..119  | the same for INFERENCE                                                                     |
/// | 120..135 | the number of live (Submitted, Verified, Disputed) PRETRAINING attestations               |
///
/// It crosses the IModelRegistry ABI as a plain uint256 (`attestationContext`, `setAttestationCursor`).
type ModelCursor is uint256;

using ModelCursorLib for ModelCursor global;

/// @title Getters and setters of the model cursor (layout above)
library ModelCursorLib {
    uint256 private constant _M40 = (1 << 40) - 1;
    uint256 private constant _LIVE_SHIFT = 120;
    uint256 private constant _LIVE_ONE = 1 << 120;
    uint256 private constant _LIVE_MAX = 0xffff;

    // Every function here is one straight run of opcodes (no checked arithmetic, no branch), so that the
    // optimizer inlines it: a kind is < 3, so `40 * kind` cannot overflow.

    /// @dev The end of the latest period of kind `k`.
    function latest(ModelCursor c, Kind k) internal pure returns (uint256) {
        unchecked {
            return (ModelCursor.unwrap(c) >> (40 * uint256(k))) & _M40;
        }
    }

    function withLatest(ModelCursor c, Kind k, uint256 end) internal pure returns (ModelCursor) {
        unchecked {
            uint256 shift = 40 * uint256(k);
            return ModelCursor.wrap((ModelCursor.unwrap(c) & ~(_M40 << shift)) | (end << shift));
        }
    }

    /// @dev The number of live PRETRAINING attestations.
    function live(ModelCursor c) internal pure returns (uint16) {
        return uint16(ModelCursor.unwrap(c) >> _LIVE_SHIFT);
    }

    /// @dev No further live PRETRAINING attestation fits in the counter.
    function liveFull(ModelCursor c) internal pure returns (bool) {
        return ModelCursor.unwrap(c) >> _LIVE_SHIFT == _LIVE_MAX;
    }

    /// @dev One live PRETRAINING attestation more (callers check `liveFull` first; the cursor is < 2^136).
    function addLive(ModelCursor c) internal pure returns (ModelCursor) {
        unchecked {
            return ModelCursor.wrap(ModelCursor.unwrap(c) + _LIVE_ONE);
        }
    }

    /// @dev One live PRETRAINING attestation less (callers remove only a live one, so the counter is >= 1).
    function removeLive(ModelCursor c) internal pure returns (ModelCursor) {
        unchecked {
            return ModelCursor.wrap(ModelCursor.unwrap(c) - _LIVE_ONE);
        }
    }

    function eq(ModelCursor a, ModelCursor b) internal pure returns (bool) {
        return ModelCursor.unwrap(a) == ModelCursor.unwrap(b);
    }
}
