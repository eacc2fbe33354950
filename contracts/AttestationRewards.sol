// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationHash} from "./AttestationHash.sol";
import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {Attestation, Method, Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IAttestationRewards} from "./IAttestationRewards.sol";
import {ILeafToken} from "./ILeafToken.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {ConfigWord} from "./types/ConfigWord.sol";
import {VerifierWord} from "./types/VerifierWord.sol";

/// @title LEAF rewards of the attestation registry (SPEC section 6)
/// @notice claimReward (paid with the reward parameters in force at the verification, minus what the supersede
/// chain already paid), computeReward, and the EfficiencyBonus contract's hooks (minting, locking the runs).
abstract contract AttestationRewards is IAttestationRegistry, AttestationRegistryStorage {
    uint256 private constant _WEI_PER_GRAM = 1e15; // 1 LEAF (1e18) per 1000 g

    /// @notice The LEAF token (this registry is its only minter).
    ILeafToken public immutable leaf;
    /// @notice The EfficiencyBonus contract, the only caller of mintEfficiencyBonus.
    address public immutable override efficiencyBonus;

    /// @param leafToken the LeafToken (its minter must be this contract)
    /// @param bonus the EfficiencyBonus contract (may be a predicted address)
    constructor(ILeafToken leafToken, address bonus) {
        leaf = leafToken;
        efficiencyBonus = bonus;
    }

    /// @inheritdoc IAttestationRewards
    function claimReward(Attestation calldata attestation)
        external
        override
        whenNotPaused
        nonReentrant
        returns (uint256 reward, uint256 verifierReward)
    {
        bytes32 id = AttestationHash.hash(attestation);
        AttestationWord s = _states[id];
        if (s.claimed()) revert AttestationRegistryAlreadyClaimed(id);
        Status status = _effective(s);
        if (status != Status.Final) revert AttestationRegistryNotFinal(id, status);
        address owner = _ownerOf(attestation.modelId);
        if (owner != msg.sender) revert AttestationRegistryNotModelOwner(attestation.modelId, msg.sender);
        ConfigWord c = _rewardConfig(s);
        reward = _reward(
            c, attestation.energyWh, attestation.locationIntensity, attestation.renewableBps, attestation.method
        );
        uint256 alreadyPaid;
        if (s.isCorrection()) {
            alreadyPaid = _carriedPaid[id];
            reward = reward > alreadyPaid ? reward - alreadyPaid : 0;
        }
        address verifier;
        (verifier, verifierReward) = _verifierShare(s, reward * c.verifierBps() / _BPS);
        // stores the cumulative amount paid to owners along the supersede chain
        _states[id] = s.claimedWith(alreadyPaid + reward);
        emit RewardClaimed(id, attestation.modelId, owner, reward, verifier, verifierReward);
        if (reward != 0) {
            leaf.mint(owner, reward);
            if (verifierReward != 0) leaf.mint(verifier, verifierReward);
        }
    }

    /// @dev The reward parameters in force when the attestation was verified (SPEC 6, v1.1).
    function _rewardConfig(AttestationWord s) private view returns (ConfigWord c) {
        c = _configWord();
        uint16 epoch = s.epoch();
        if (epoch != c.epoch()) c = _epochs[epoch];
    }

    /// @dev A revoked verifier earns no share of rewards claimed after its revocation (SPEC 5, v1.1).
    function _verifierShare(AttestationWord s, uint256 share) private view returns (address verifier, uint256 paid) {
        VerifierWord v = _verifierByIndex[s.verifierIndex()];
        verifier = v.account();
        if (v.active()) paid = share;
    }

    function _reward(ConfigWord c, uint256 energyWh, uint256 locationIntensity, uint256 renewableBps, Method method)
        private
        pure
        returns (uint256)
    {
        uint256 marketIntensity = locationIntensity * (_BPS - renewableBps) / _BPS;
        uint256 baseline = c.baselineIntensity();
        if (baseline <= marketIntensity) return 0;
        uint256 avoidedG = energyWh * (baseline - marketIntensity) / 1000;
        uint256 reward = avoidedG * c.methodBps(uint256(method)) / _BPS * _WEI_PER_GRAM;
        uint256 cap = c.maxReward();
        return reward > cap ? cap : reward;
    }

    /// @inheritdoc IAttestationRewards
    function computeReward(uint64 energyWh, uint32 locationIntensity, uint16 renewableBps, Method method)
        external
        view
        override
        returns (uint256)
    {
        if (renewableBps > _BPS) revert AttestationRegistryRenewableOutOfRange(renewableBps);
        return _reward(_configWord(), energyWh, locationIntensity, renewableBps, method);
    }

    /// @inheritdoc IAttestationRewards
    function mintEfficiencyBonus(address owner, uint256 bonus, address verifier, uint256 verifierReward)
        external
        override
    {
        if (msg.sender != efficiencyBonus) revert AttestationRegistryNotEfficiencyBonus(msg.sender);
        if (bonus != 0) leaf.mint(owner, bonus);
        if (verifierReward != 0) leaf.mint(verifier, verifierReward);
    }

    /// @inheritdoc IAttestationRewards
    function lockTraining(uint256 modelId) external override {
        if (msg.sender != efficiencyBonus) revert AttestationRegistryNotEfficiencyBonus(msg.sender);
        _tallies[modelId] = _tallies[modelId].withLocked();
    }
}
