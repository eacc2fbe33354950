// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev The `AttestationRegistryStorage._config` slot read as one word (the struct `Config` packs its members
/// from the low end), and each past reward epoch's copy of it in `_epochs`. The layout, written here only (the
/// struct declares the same fields in this order):
///
/// | bits     | field                                            |
/// |----------|--------------------------------------------------|
/// | 0..23    | challengeWindow (seconds)                        |
/// | 24..39   | baselineIntensity (gCO2e/kWh)                    |
/// | 40..55   | methodBps METER                                  |
/// | 56..71   | methodBps SOFTWARE                               |
/// | 72..87   | methodBps ESTIMATE                               |
/// | 88..103  | verifierBps                                      |
/// | 104..199 | maxRewardPerAttestation (LEAF wei)               |
/// | 200      | paused                                           |
/// | 208..239 | pausedTotal: seconds spent paused (closed pauses)|
/// | 240..255 | epoch: the reward-parameter epoch                |
type ConfigWord is uint256;

using ConfigWordLib for ConfigWord global;

/// @title Getters and setters of the config word (layout above)
library ConfigWordLib {
    uint256 private constant _BASELINE_BIT = 24;
    uint256 private constant _METHOD_BPS_BIT = 40;
    uint256 private constant _VERIFIER_BPS_BIT = 88;
    uint256 private constant _MAX_REWARD_BIT = 104;
    uint256 private constant _PAUSED = 1 << 200;
    uint256 private constant _PAUSED_TOTAL_BIT = 208;
    uint256 private constant _EPOCH_BIT = 240;

    function challengeWindow(ConfigWord c) internal pure returns (uint24) {
        return uint24(ConfigWord.unwrap(c));
    }

    function baselineIntensity(ConfigWord c) internal pure returns (uint16) {
        return uint16(ConfigWord.unwrap(c) >> _BASELINE_BIT);
    }

    /// @dev The weight of method `m` (METER, SOFTWARE, ESTIMATE: 0, 1, 2; unchecked: m < 3, so that the
    /// optimizer inlines this branch-free function).
    function methodBps(ConfigWord c, uint256 m) internal pure returns (uint16) {
        unchecked {
            return uint16(ConfigWord.unwrap(c) >> (_METHOD_BPS_BIT + 16 * m));
        }
    }

    function withMethodBps(ConfigWord c, uint256 m, uint16 value) internal pure returns (ConfigWord) {
        unchecked {
            uint256 shift = _METHOD_BPS_BIT + 16 * m;
            return ConfigWord.wrap((ConfigWord.unwrap(c) & ~(uint256(0xffff) << shift)) | (uint256(value) << shift));
        }
    }

    function verifierBps(ConfigWord c) internal pure returns (uint16) {
        return uint16(ConfigWord.unwrap(c) >> _VERIFIER_BPS_BIT);
    }

    function maxReward(ConfigWord c) internal pure returns (uint96) {
        return uint96(ConfigWord.unwrap(c) >> _MAX_REWARD_BIT);
    }

    function isPaused(ConfigWord c) internal pure returns (bool) {
        return ConfigWord.unwrap(c) & _PAUSED != 0;
    }

    function pausedTotal(ConfigWord c) internal pure returns (uint32) {
        return uint32(ConfigWord.unwrap(c) >> _PAUSED_TOTAL_BIT);
    }

    function epoch(ConfigWord c) internal pure returns (uint16) {
        return uint16(ConfigWord.unwrap(c) >> _EPOCH_BIT);
    }
}
