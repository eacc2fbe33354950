// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {Method} from "./Common.sol";
import {IAttestationGovernance} from "./IAttestationGovernance.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {ConfigWord} from "./types/ConfigWord.sol";

/// @title Governance of the attestation registry (SPEC sections 2, 5, 6)
/// @notice Verifier accreditation and profiles, pause, the parameters within their bounds, the reward-parameter
/// epochs (an attestation is paid with the parameters in force at its verification) and the views of them.
abstract contract AttestationGovernance is IAttestationRegistry, AttestationRegistryStorage {
    /// @dev Sets the initial parameters, each checked against its bounds.
    function _initParams(Params memory params) internal {
        _setChallengeWindow(params.challengeWindow);
        _setDisputeBond(params.disputeBond);
        _setBaselineIntensity(params.baselineIntensity);
        _setMethodBps(Method.METER, params.methodBps[0]);
        _setMethodBps(Method.SOFTWARE, params.methodBps[1]);
        _setMethodBps(Method.ESTIMATE, params.methodBps[2]);
        _setVerifierBps(params.verifierBps);
        _setEfficiencyBps(params.efficiencyBps);
        _setMaxReward(params.maxRewardPerAttestation);
        _setTreasury(params.treasury);
    }

    /// @inheritdoc IAttestationGovernance
    function accreditVerifier(address account, string calldata name, string calldata uri)
        external
        override
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        if (account == address(0)) revert AttestationRegistryZeroAddress();
        _grantRole(VERIFIER_ROLE, account);
        emit VerifierProfileSet(account, _verifiers[account].index, name, uri);
    }

    /// @inheritdoc IAttestationGovernance
    function updateVerifierProfile(string calldata name, string calldata uri) external override whenNotPaused {
        VerifierInfo memory v = _verifiers[msg.sender];
        if (!v.active) revert AttestationRegistryNotVerifier(msg.sender);
        emit VerifierProfileSet(msg.sender, v.index, name, uri);
    }

    /// @inheritdoc IAttestationGovernance
    function pause() external override onlyRole(PAUSER_ROLE) {
        _setPaused(true);
    }

    /// @inheritdoc IAttestationGovernance
    function unpause() external override onlyRole(PAUSER_ROLE) {
        _setPaused(false);
    }

    /// @dev Pause time is kept off the challenge-window clock (SPEC 5, v1.1).
    function _setPaused(bool value) private {
        if (value != _config.paused) {
            if (value) _pausedAt = uint40(block.timestamp);
            else _config.pausedTotal += uint32(block.timestamp - _pausedAt);
        }
        _config.paused = value;
        modelRegistry.setPaused(value);
        emit PauseSet(msg.sender, value);
    }

    /// @inheritdoc IAttestationGovernance
    function setChallengeWindow(uint32 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setChallengeWindow(value);
    }

    /// @inheritdoc IAttestationGovernance
    function setDisputeBond(uint96 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDisputeBond(value);
    }

    /// @inheritdoc IAttestationGovernance
    function setBaselineIntensity(uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setBaselineIntensity(value);
    }

    /// @inheritdoc IAttestationGovernance
    function setMethodBps(Method method, uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setMethodBps(method, value);
    }

    /// @inheritdoc IAttestationGovernance
    function setVerifierBps(uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setVerifierBps(value);
    }

    /// @inheritdoc IAttestationGovernance
    function setEfficiencyBps(uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setEfficiencyBps(value);
    }

    /// @inheritdoc IAttestationGovernance
    function setMaxRewardPerAttestation(uint96 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setMaxReward(value);
    }

    /// @inheritdoc IAttestationGovernance
    function setTreasury(address treasury) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTreasury(treasury);
    }

    /// @dev Keeps the reward parameters of the ending epoch for the attestations verified under them.
    function _newEpoch() private {
        Config storage current = _config;
        uint16 epoch = current.epoch;
        _epochs[epoch] = _configWord();
        current.epoch = epoch + 1;
    }

    function _check(bytes32 name, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert AttestationRegistryParameterOutOfRange(name, value);
    }

    function _setChallengeWindow(uint32 value) private {
        _check("challengeWindow", value, 60, 90 days);
        emit ParameterSet("challengeWindow", _config.challengeWindow, value);
        _config.challengeWindow = uint24(value);
    }

    function _setDisputeBond(uint96 value) private {
        _check("disputeBond", value, 1, 1000 ether);
        emit ParameterSet("disputeBond", _disputeBond, value);
        _disputeBond = value;
    }

    function _setBaselineIntensity(uint16 value) private {
        _check("baselineIntensity", value, 1, 2000);
        emit ParameterSet("baselineIntensity", _config.baselineIntensity, value);
        _config.baselineIntensity = value;
    }

    function _setMethodBps(Method method, uint16 value) private {
        bytes32 name = method == Method.METER
            ? bytes32("methodBps.METER")
            : method == Method.SOFTWARE ? bytes32("methodBps.SOFTWARE") : bytes32("methodBps.ESTIMATE");
        _check(name, value, 0, _BPS);
        // the three weights are consecutive uint16 fields of the config word (METER, SOFTWARE, ESTIMATE)
        ConfigWord c = _configWord();
        emit ParameterSet(name, c.methodBps(uint256(method)), value);
        c = c.withMethodBps(uint256(method), value);
        assembly ("memory-safe") {
            sstore(_config.slot, c)
        }
    }

    function _setVerifierBps(uint16 value) private {
        _check("verifierBps", value, 0, 5000);
        emit ParameterSet("verifierBps", _config.verifierBps, value);
        _config.verifierBps = value;
    }

    function _setEfficiencyBps(uint16 value) private {
        _check("efficiencyBps", value, 0, _BPS);
        emit ParameterSet("efficiencyBps", _efficiencyBps, value);
        _efficiencyBps = value;
    }

    function _setMaxReward(uint96 value) private {
        _check("maxRewardPerAttestation", value, 1e18, 1e27);
        emit ParameterSet("maxRewardPerAttestation", _config.maxRewardPerAttestation, value);
        _config.maxRewardPerAttestation = value;
    }

    function _setTreasury(address treasury) private {
        if (treasury == address(0)) revert AttestationRegistryZeroAddress();
        emit TreasurySet(_treasury, treasury);
        _treasury = treasury;
    }

    // ================================================================ views

    /// @inheritdoc IAttestationRegistry
    function getParams() external view override returns (Params memory p) {
        ConfigWord c = _configWord();
        p.challengeWindow = c.challengeWindow();
        p.baselineIntensity = c.baselineIntensity();
        for (uint256 m; m < 3; ++m) {
            p.methodBps[m] = c.methodBps(m);
        }
        p.verifierBps = c.verifierBps();
        p.efficiencyBps = _efficiencyBps;
        p.maxRewardPerAttestation = c.maxReward();
        p.disputeBond = _disputeBond;
        p.treasury = _treasury;
    }

    /// @inheritdoc IAttestationGovernance
    function paused() external view override returns (bool) {
        return _config.paused;
    }

    /// @inheritdoc IAttestationGovernance
    function isVerifier(address account) external view override returns (bool) {
        return _verifiers[account].active;
    }

    /// @inheritdoc IAttestationGovernance
    function verifierRecord(address account)
        external
        view
        override
        returns (bool active, uint32 index, uint64 invalidatedVerdicts)
    {
        VerifierInfo memory v = _verifiers[account];
        return (v.active, v.index, v.invalidatedVerdicts);
    }
}
