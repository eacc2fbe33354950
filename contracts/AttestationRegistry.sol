// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationDisputes} from "./AttestationDisputes.sol";
import {AttestationGovernance} from "./AttestationGovernance.sol";
import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {AttestationRewards} from "./AttestationRewards.sol";
import {AttestationTally} from "./AttestationTally.sol";
import {AttestationVerdicts} from "./AttestationVerdicts.sol";
import {AttestationViews} from "./AttestationViews.sol";
import {Attestation} from "./Common.sol";
import {IAttestationLifecycle} from "./IAttestationLifecycle.sol";
import {IAttestationRewards} from "./IAttestationRewards.sol";
import {ILeafToken} from "./ILeafToken.sol";
import {IModelRegistry} from "./IModelRegistry.sol";

/// @title Greenprint attestation registry (SPEC sections 2, 4, 5, 6)
/// @notice Attestations, verification (direct or by EIP-712 signature), disputes, supersession and LEAF
/// rewards. See IAttestationRegistry for the id scheme and type strings, contracts/README.md for the trust model.
/// @dev Split by concern (issues 12 and 15): the state in AttestationRegistryStorage, each packed word a type in
/// contracts/types/ (its bit layout and its only shifts and masks: AttestationWord per attestation, ModelCursor
/// per model, ConfigWord, the tally words, the dispute and verifier words); signatures in AttestationSignatures,
/// submission in AttestationSubmission, verdicts and withdrawal in AttestationVerdicts, rewards in
/// AttestationRewards, governance in AttestationGovernance, views in AttestationViews and AttestationTallyBase
/// (abstract bases); disputes in AttestationDisputes and tallyTraining in AttestationTally (both deployed by
/// this constructor, run by delegatecall on this storage). One ABI, one address.
/// The pause-free clock (`_clock`) is block.timestamp minus every second the protocol spent paused: challenge
/// windows do not run during a pause (SPEC 5, v1.1). A Rejected, Withdrawn or Invalidated attestation that is
/// the latest of its kind moves its model's frontier back (`_freePeriod`, SPEC 4 v1.1).
contract AttestationRegistry is AttestationGovernance, AttestationVerdicts, AttestationRewards, AttestationViews {
    /// @dev The code of dispute, upholdDispute, dismissDispute, withdrawRefund and invalidateUnreviewed (run by
    /// delegatecall).
    AttestationDisputes private immutable _disputeCode;
    /// @dev The code of tallyTraining (run by delegatecall).
    AttestationTally private immutable _tallyCode;

    /// @param models the ModelRegistry (its attestationRegistry must be this contract)
    /// @param leafToken the LeafToken (its minter must be this contract)
    /// @param bonus the EfficiencyBonus contract (may be a predicted address)
    /// @param admin receives DEFAULT_ADMIN_ROLE
    /// @param params initial parameters (each checked against its bounds)
    constructor(IModelRegistry models, ILeafToken leafToken, address bonus, address admin, Params memory params)
        AttestationRegistryStorage(models)
        AttestationRewards(leafToken, bonus)
    {
        if (admin == address(0) || bonus == address(0)) revert AttestationRegistryZeroAddress();
        if (leafToken.minter() != address(this)) revert AttestationRegistryWrongMinter(leafToken.minter());
        if (models.attestationRegistry() != address(this)) {
            revert AttestationRegistryWrongModelRegistry(models.attestationRegistry());
        }
        // created by this contract (its nonce 1), so the deployer's nonces and predicted addresses are unchanged
        _disputeCode = new AttestationDisputes(models);
        _tallyCode = new AttestationTally(models); // nonce 2
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ARBITER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _initParams(params);
    }

    // ================================================================ disputes

    /// @inheritdoc IAttestationLifecycle
    /// @dev Runs in AttestationDisputes (see _delegateToDisputes), as do the four functions below.
    function dispute(bytes32 id, string calldata reasonURI) external payable override {
        (id, reasonURI); // named for the ABI; AttestationDisputes decodes the calldata
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationLifecycle
    function upholdDispute(bytes32 id, bytes32 rulingHash) external override {
        (id, rulingHash);
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationLifecycle
    function dismissDispute(bytes32 id, bytes32 rulingHash) external override {
        (id, rulingHash);
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationLifecycle
    function withdrawRefund() external override {
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationLifecycle
    function invalidateUnreviewed(bytes32 id, bytes32 rulingHash) external override {
        (id, rulingHash);
        _delegateToDisputes();
    }

    /// @dev Runs the called function in AttestationDisputes on this contract's storage (same layout) with the
    /// same calldata, and returns or reverts with its result. The dispute code lives apart only for EIP-170.
    function _delegateToDisputes() private {
        _delegateTo(address(_disputeCode));
    }

    // ================================================================ efficiency-bonus training tally

    /// @inheritdoc IAttestationRewards
    /// @dev Runs in AttestationTally (see _delegateTo).
    function tallyTraining(uint256 modelId, Attestation[] calldata runs) external override {
        (modelId, runs);
        _delegateTo(address(_tallyCode));
    }

    /// @dev Runs the called function in `target` (a part deployed by the constructor) on this contract's storage
    /// with the same calldata, and returns or reverts with its result.
    function _delegateTo(address target) private {
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }
}
