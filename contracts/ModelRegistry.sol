// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IModelRegistry} from "./IModelRegistry.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @title Greenprint model registry (SPEC section 3)
/// @notice ERC-721 "Greenprint Model" (GPM). Ids start at 1. Metadata URIs live in events only; the
/// metadata hash, lineage, parameter count and seal flag are stored.
/// @dev Storage (besides OpenZeppelin's ERC-721 owners/balances):
///  - `_totalModels` (uint64) and `_paused` (bool) share one slot.
///  - `_models[id]` one word: bits 0..47 parentId | 48..111 parameterCount | 112 sealed |
///    120..255 a 136-bit cursor owned by the attestation registry (period frontiers, counters), so
///    that the first attestation of a model does not pay for a fresh storage slot.
///  - `_metadataHash[id]` one word.
contract ModelRegistry is ERC721, IModelRegistry {
    uint256 private constant _PARENT_MASK = (1 << 48) - 1;
    uint256 private constant _PARAMS_SHIFT = 48;
    uint256 private constant _SEALED_BIT = 1 << 112;
    uint256 private constant _CURSOR_SHIFT = 120;
    uint256 private constant _CURSOR_MASK = (1 << 136) - 1;

    /// @inheritdoc IModelRegistry
    address public immutable override attestationRegistry;

    uint64 private _totalModels;
    bool private _paused;
    mapping(uint256 modelId => uint256 packed) private _models;
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
        _models[modelId] = parentId | (uint256(parameterCount) << _PARAMS_SHIFT);
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
        uint256 packed = _models[modelId];
        if (packed & _SEALED_BIT != 0) revert ModelRegistryAlreadySealed(modelId);
        _models[modelId] = packed | _SEALED_BIT;
        emit TrainingSealed(modelId);
    }

    /// @inheritdoc IModelRegistry
    function getModel(uint256 modelId) external view override returns (ModelInfo memory info) {
        _requireOwned(modelId);
        uint256 packed = _models[modelId];
        info.parentId = packed & _PARENT_MASK;
        info.parameterCount = uint64(packed >> _PARAMS_SHIFT);
        info.trainingSealed = packed & _SEALED_BIT != 0;
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
        uint256 packed = _models[modelId];
        trainingSealed = packed & _SEALED_BIT != 0;
        cursor = packed >> _CURSOR_SHIFT;
    }

    /// @inheritdoc IModelRegistry
    function setAttestationCursor(uint256 modelId, uint256 cursor) external override onlyAttestationRegistry {
        uint256 packed = _models[modelId];
        _models[modelId] = (packed & ~(_CURSOR_MASK << _CURSOR_SHIFT)) | ((cursor & _CURSOR_MASK) << _CURSOR_SHIFT);
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
