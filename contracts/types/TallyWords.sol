// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev The efficiency bonus's running sums (SPEC 6, v1.1; see AttestationTally). The layouts, written here only:
///
/// `_tallies[modelId]`, a model's tally:
///
/// | bits     | field                                                                                       |
/// |----------|---------------------------------------------------------------------------------------------|
/// | 0..127   | the tallied runs' energy (Wh)                                                                |
/// | 128..143 | the number of tallied runs                                                                   |
/// | 255      | locked: an approved efficiency bonus counted the model's runs (in this word, non-zero by then, |
/// |          | so that locking costs no fresh slot)                                                         |
///
/// `_tallied[id]`, a tallied run:
///
/// | bits  | field                               |
/// |-------|-------------------------------------|
/// | 0..63 | the run's energy (Wh)               |
/// | 255   | tallied (so an energy of 0 counts) |
type ModelTally is uint256;

type TalliedRun is uint256;

using TallyLib for ModelTally global;
using TallyLib for TalliedRun global;

/// @title Getters and setters of the tally words (layouts above)
library TallyLib {
    uint256 private constant _RUNS_SHIFT = 128;
    uint256 private constant _FLAG = 1 << 255; // locked (ModelTally), tallied (TalliedRun)

    function energy(ModelTally t) internal pure returns (uint128) {
        return uint128(ModelTally.unwrap(t));
    }

    function runs(ModelTally t) internal pure returns (uint16) {
        return uint16(ModelTally.unwrap(t) >> _RUNS_SHIFT);
    }

    function locked(ModelTally t) internal pure returns (bool) {
        return ModelTally.unwrap(t) & _FLAG != 0;
    }

    function withLocked(ModelTally t) internal pure returns (ModelTally) {
        return ModelTally.wrap(ModelTally.unwrap(t) | _FLAG);
    }

    /// @dev `count` runs of `wh` Wh in total added.
    function add(ModelTally t, uint256 wh, uint256 count) internal pure returns (ModelTally) {
        return ModelTally.wrap(ModelTally.unwrap(t) + (wh | (count << _RUNS_SHIFT)));
    }

    /// @dev One run of `wh` Wh taken out.
    function removeRun(ModelTally t, uint256 wh) internal pure returns (ModelTally) {
        return ModelTally.wrap(ModelTally.unwrap(t) - (wh | (1 << _RUNS_SHIFT)));
    }

    function tallied(uint64 wh) internal pure returns (TalliedRun) {
        return TalliedRun.wrap(wh | _FLAG);
    }

    function isTallied(TalliedRun r) internal pure returns (bool) {
        return TalliedRun.unwrap(r) != 0;
    }

    function energy(TalliedRun r) internal pure returns (uint64) {
        return uint64(TalliedRun.unwrap(r));
    }
}
