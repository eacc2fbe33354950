// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Kind, Status} from "../Common.sol";

/// @dev The state word of one attestation, `AttestationRegistryStorage._states[id]` (the only slot `submit` writes).
/// The layout, written here only:
///
/// | bits     | field                                                                                          |
/// |----------|------------------------------------------------------------------------------------------------|
/// | 0..2     | stored status (`Status` 1..7; `Final` is derived, never stored)                                |
/// | 3..4     | kind                                                                                           |
/// | 5        | claimed                                                                                        |
/// | 6        | is a correction (`supersedes != 0`; its predecessor in `_supersedes[id]`)                       |
/// | 7        | has a verdict: bits 176.. hold a verifier, not the submitter                                   |
/// | 8..55    | modelId                                                                                        |
/// | 56..95   | periodStart                                                                                    |
/// | 96..135  | periodEnd                                                                                      |
/// | 136..175 | window: end of the challenge window on the pause-free clock (while Disputed: seconds left)     |
/// | 176..255 | actor: the low 80 bits of the submitter until the verdict; after it the verifier's index        |
/// |          | (176..207) and the reward-parameter epoch in force at verification (208..223)                   |
/// | 255      | on a Rejected attestation: its period was freed (no correction of it may claim it again)        |
/// | 136..255 | after the claim: LEAF wei paid to owners along the supersede chain ending here                  |
///
/// Every field is read and written through AttestationWordLib; the word is 0 for an unknown id.
type AttestationWord is uint256;

using AttestationWordLib for AttestationWord global;

/// @title Getters and setters of the attestation state word (layout above)
library AttestationWordLib {
    uint256 private constant _STATUS_MASK = 7;
    uint256 private constant _KIND_SHIFT = 3;
    uint256 private constant _CLAIMED = 1 << 5;
    uint256 private constant _CORRECTION = 1 << 6;
    uint256 private constant _VERDICT = 1 << 7;
    uint256 private constant _MODEL_SHIFT = 8;
    uint256 private constant _START_SHIFT = 56;
    uint256 private constant _END_SHIFT = 96;
    uint256 private constant _WINDOW_SHIFT = 136;
    uint256 private constant _ACTOR_SHIFT = 176;
    uint256 private constant _EPOCH_SHIFT = 208;
    uint256 private constant _FREED = 1 << 255;
    uint256 private constant _M40 = (1 << 40) - 1;
    uint256 private constant _M48 = (1 << 48) - 1;
    uint256 private constant _LOW136 = (1 << 136) - 1;

    // ---------------------------------------------------------------- getters

    /// @dev No attestation with this id.
    function isEmpty(AttestationWord w) internal pure returns (bool) {
        return AttestationWord.unwrap(w) == 0;
    }

    /// @dev The stored status (never Final).
    function storedStatus(AttestationWord w) internal pure returns (Status s) {
        // 3 bits: always a valid Status, so no enum range check is needed
        assembly ("memory-safe") {
            s := and(w, _STATUS_MASK)
        }
    }

    function kind(AttestationWord w) internal pure returns (Kind k) {
        // 2 bits written from a Kind: always a valid Kind
        assembly ("memory-safe") {
            k := and(shr(_KIND_SHIFT, w), 3)
        }
    }

    function isPretraining(AttestationWord w) internal pure returns (bool) {
        return AttestationWord.unwrap(w) & (3 << _KIND_SHIFT) == 0;
    }

    function claimed(AttestationWord w) internal pure returns (bool) {
        return AttestationWord.unwrap(w) & _CLAIMED != 0;
    }

    function isCorrection(AttestationWord w) internal pure returns (bool) {
        return AttestationWord.unwrap(w) & _CORRECTION != 0;
    }

    function hasVerdict(AttestationWord w) internal pure returns (bool) {
        return AttestationWord.unwrap(w) & _VERDICT != 0;
    }

    /// @dev A Rejected attestation whose period was freed.
    function freed(AttestationWord w) internal pure returns (bool) {
        return AttestationWord.unwrap(w) & _FREED != 0;
    }

    function modelId(AttestationWord w) internal pure returns (uint256) {
        return (AttestationWord.unwrap(w) >> _MODEL_SHIFT) & _M48;
    }

    function periodStart(AttestationWord w) internal pure returns (uint256) {
        return (AttestationWord.unwrap(w) >> _START_SHIFT) & _M40;
    }

    function periodEnd(AttestationWord w) internal pure returns (uint256) {
        return (AttestationWord.unwrap(w) >> _END_SHIFT) & _M40;
    }

    /// @dev The challenge window's end on the pause-free clock (while Disputed: the seconds left; 0 before a
    /// verification). Meaningless once claimed.
    function window(AttestationWord w) internal pure returns (uint256) {
        return (AttestationWord.unwrap(w) >> _WINDOW_SHIFT) & _M40;
    }

    /// @dev Before the verdict: whether `account` submitted it (compares the low 80 bits, so only a false positive
    /// is possible, see contracts/README.md).
    function isSubmitter(AttestationWord w, address account) internal pure returns (bool) {
        return uint80(AttestationWord.unwrap(w) >> _ACTOR_SHIFT) == uint80(uint160(account));
    }

    /// @dev After the verdict: the verifier's compact index.
    function verifierIndex(AttestationWord w) internal pure returns (uint32) {
        return uint32(AttestationWord.unwrap(w) >> _ACTOR_SHIFT);
    }

    /// @dev After a verification: the reward-parameter epoch in force then.
    function epoch(AttestationWord w) internal pure returns (uint16) {
        return uint16(AttestationWord.unwrap(w) >> _EPOCH_SHIFT);
    }

    /// @dev After the claim: LEAF wei paid to owners along the supersede chain ending here.
    function paid(AttestationWord w) internal pure returns (uint256) {
        return AttestationWord.unwrap(w) >> _WINDOW_SHIFT;
    }

    // ---------------------------------------------------------------- setters (each returns the new word)

    /// @dev A new attestation's fields, no status yet.
    function pack(Kind k, uint256 model, uint64 start, uint64 end) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(
            (uint256(k) << _KIND_SHIFT) | (model << _MODEL_SHIFT) | (uint256(start) << _START_SHIFT)
                | (uint256(end) << _END_SHIFT)
        );
    }

    function withCorrection(AttestationWord w) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(AttestationWord.unwrap(w) | _CORRECTION);
    }

    function withFreed(AttestationWord w) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(AttestationWord.unwrap(w) | _FREED);
    }

    function withStatus(AttestationWord w, Status s) internal pure returns (AttestationWord) {
        return AttestationWord.wrap((AttestationWord.unwrap(w) & ~_STATUS_MASK) | uint256(s));
    }

    /// @dev Status and window together (a dispute opens: Disputed with the seconds left; it is dismissed:
    /// Verified with the new end).
    function withStatusAndWindow(AttestationWord w, Status s, uint256 win) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(
            (AttestationWord.unwrap(w) & ~(_STATUS_MASK | (_M40 << _WINDOW_SHIFT))) | uint256(s)
                | (win << _WINDOW_SHIFT)
        );
    }

    /// @dev Submitted by `submitter` (a word from `pack`).
    function submittedBy(AttestationWord w, address submitter) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(
            AttestationWord.unwrap(w) | uint256(Status.Submitted)
                | (uint256(uint80(uint160(submitter))) << _ACTOR_SHIFT)
        );
    }

    /// @dev Only the submitted fields (kind, flags, model, period): status, window and actor cleared for a verdict.
    function submission(AttestationWord w) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(AttestationWord.unwrap(w) & _LOW136 & ~_STATUS_MASK);
    }

    /// @dev Verified by the verifier with `index`, its window ending at `end` on the pause-free clock, under
    /// reward epoch `rewardEpoch` (a word from `submission` or `pack`).
    function verifiedBy(AttestationWord w, uint32 index, uint256 end, uint16 rewardEpoch)
        internal
        pure
        returns (AttestationWord)
    {
        return AttestationWord.wrap(
            AttestationWord.unwrap(w) | uint256(Status.Verified) | _VERDICT | (end << _WINDOW_SHIFT)
                | (uint256(index) << _ACTOR_SHIFT) | (uint256(rewardEpoch) << _EPOCH_SHIFT)
        );
    }

    /// @dev Rejected by the verifier with `index` (a word from `submission`).
    function rejectedBy(AttestationWord w, uint32 index) internal pure returns (AttestationWord) {
        return AttestationWord.wrap(
            AttestationWord.unwrap(w) | _VERDICT | (uint256(index) << _ACTOR_SHIFT) | uint256(Status.Rejected)
        );
    }

    /// @dev Claimed, `total` paid along the chain (bits 136.. then hold it instead of window and actor).
    function claimedWith(AttestationWord w, uint256 total) internal pure returns (AttestationWord) {
        return AttestationWord.wrap((AttestationWord.unwrap(w) & _LOW136) | _CLAIMED | (total << _WINDOW_SHIFT));
    }
}
