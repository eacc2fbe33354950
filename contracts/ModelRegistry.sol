// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IModelRegistry} from "./IModelRegistry.sol";
import {ModelWord, ModelWordLib} from "./types/ModelWord.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @title Greenprint model registry (SPEC section 3)
/// @notice ERC-721 "Greenprint Model" (GPM). Ids start at 1. Metadata URIs live in events only; the
/// metadata hash, lineage, parameter count and seal flag are stored.
/// @dev Storage (besides OpenZeppelin's ERC-721 owners/balances):
///  - `_totalModels` (uint64) and `_paused` (bool) share one slot.
///  - `_models[id]` one word (layout: ModelWord): lineage, parameter count, seal flag and a 136-bit cursor owned
///    by the attestation registry, so that the first attestation of a model does not pay for a fresh storage slot.
///  - `_metadataHash[id]` one word.
contract ModelRegistry is ERC721, IModelRegistry {
    /// @inheritdoc IModelRegistry
    address public immutable override attestationRegistry;

    uint64 private _totalModels;
    bool private _paused;
    mapping(uint256 modelId => ModelWord packed) private _models;
    mapping(uint256 modelId => bytes32 hash) private _metadataHash;

    /// @param registry the AttestationRegistry (roles and pause authority); may be deployed after this contract
    constructor(address registry) ERC721("Greenprint Model", "GPM") {
        attestationRegistry = registry;
    }

    modifier onlyAttestationRegistry() {
        if (msg.sender != attestationRegistry) revert ModelRegistryNotAttestationRegistry(msg.sender);
        _;
    }

    /// @inheritdoc IModelRegistry
    function registerModel(string calldata metadataURI, bytes32 metadataHash, uint256 parentId, uint64 parameterCount)
        external
        override
        returns (uint256 modelId)
    {
        if (_paused) revert ModelRegistryPaused();
        if (metadataHash == bytes32(0)) revert ModelRegistryEmptyMetadataHash();
        uint256 total = _totalModels;
        if (parentId > total) revert ModelRegistryParentNotFound(parentId);
        unchecked {
            modelId = total + 1;
        }
        _totalModels = uint64(modelId);
        _models[modelId] = ModelWordLib.pack(parentId, parameterCount);
        _metadataHash[modelId] = metadataHash;
        _mint(msg.sender, modelId);
        emit ModelRegistered(modelId, msg.sender, parentId, parameterCount, metadataHash, metadataURI);
    }

    /// @inheritdoc IModelRegistry
    function updateMetadata(uint256 modelId, string calldata metadataURI, bytes32 metadataHash) external override {
        if (_paused) revert ModelRegistryPaused();
        _checkOwner(modelId);
        if (metadataHash == bytes32(0)) revert ModelRegistryEmptyMetadataHash();
        _metadataHash[modelId] = metadataHash;
        emit ModelMetadataUpdated(modelId, msg.sender, metadataHash, metadataURI);
    }

    /// @inheritdoc IModelRegistry
    function sealTraining(uint256 modelId) external override {
        if (_paused) revert ModelRegistryPaused();
        _checkOwner(modelId);
        ModelWord packed = _models[modelId];
        if (packed.isSealed()) revert ModelRegistryAlreadySealed(modelId);
        _models[modelId] = packed.withSealed();
        emit TrainingSealed(modelId);
    }

    /// @inheritdoc IModelRegistry
    function getModel(uint256 modelId) external view override returns (ModelInfo memory info) {
        _requireOwned(modelId);
        ModelWord packed = _models[modelId];
        info.parentId = packed.parentId();
        info.parameterCount = packed.parameterCount();
        info.trainingSealed = packed.isSealed();
        info.metadataHash = _metadataHash[modelId];
    }

    /// @inheritdoc IModelRegistry
    function totalModels() external view override returns (uint256 count) {
        return _totalModels;
    }

    /// @inheritdoc IModelRegistry
    function paused() external view override returns (bool isPaused) {
        return _paused;
    }

    /// @inheritdoc IModelRegistry
    function attestationContext(uint256 modelId)
        external
        view
        override
        returns (address owner, bool trainingSealed, uint256 cursor)
    {
        owner = _ownerOf(modelId);
        ModelWord packed = _models[modelId];
        trainingSealed = packed.isSealed();
        cursor = packed.cursor();
    }

    /// @inheritdoc IModelRegistry
    function setAttestationCursor(uint256 modelId, uint256 cursor) external override onlyAttestationRegistry {
        _models[modelId] = _models[modelId].withCursor(cursor);
    }

    /// @inheritdoc IModelRegistry
    function setPaused(bool isPaused) external override onlyAttestationRegistry {
        _paused = isPaused;
        emit ModelRegistryPauseSet(isPaused);
    }

    /// @dev Transfers are state changes too: blocked while paused (mints check the flag earlier).
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        if (_paused) revert ModelRegistryPaused();
        return super._update(to, tokenId, auth);
    }

    /// @dev Approvals are state changes too: refused while paused (`_update` clears approvals itself, after
    /// its own pause check).
    function _approve(address to, uint256 tokenId, address auth, bool emitEvent) internal override {
        if (_paused) revert ModelRegistryPaused();
        super._approve(to, tokenId, auth, emitEvent);
    }

    /// @dev Operator approvals are refused while paused.
    function _setApprovalForAll(address owner, address operator, bool approved) internal override {
        if (_paused) revert ModelRegistryPaused();
        super._setApprovalForAll(owner, operator, approved);
    }

    function _checkOwner(uint256 modelId) private view {
        address owner = _ownerOf(modelId);
        if (owner == address(0)) revert ModelRegistryModelNotFound(modelId);
        if (owner != msg.sender) revert ModelRegistryNotOwner(modelId, msg.sender);
    }
}
