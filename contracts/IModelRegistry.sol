// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Greenprint model registry (SPEC section 3)
/// @notice Each model is an ERC-721 token "Greenprint Model" (GPM); the holder is the owner.
interface IModelRegistry {
    /// @notice A model's stored data.
    struct ModelInfo {
        uint256 parentId;
        uint64 parameterCount;
        bool trainingSealed;
        bytes32 metadataHash;
    }

    /// @notice A model was registered.
    /// @param modelId the new id (from 1)
    /// @param owner the registrant and first holder
    /// @param parentId base model or previous version, 0 for none
    /// @param parameterCount number of parameters
    /// @param metadataHash SHA-256 of the metadata JSON
    /// @param metadataURI where the metadata JSON can be fetched (only in this event)
    event ModelRegistered(
        uint256 indexed modelId,
        address indexed owner,
        uint256 indexed parentId,
        uint64 parameterCount,
        bytes32 metadataHash,
        string metadataURI
    );

    /// @notice The owner replaced a model's metadata.
    /// @param modelId the model
    /// @param owner the owner who updated it
    /// @param metadataHash new SHA-256 of the metadata JSON
    /// @param metadataURI new metadata location (only in this event)
    event ModelMetadataUpdated(
        uint256 indexed modelId, address indexed owner, bytes32 metadataHash, string metadataURI
    );

    /// @notice The owner sealed the model's training: no PRETRAINING attestation can be added any more.
    /// @param modelId the model
    event TrainingSealed(uint256 indexed modelId);

    /// @notice The attestation registry paused or unpaused the model registry.
    /// @param paused the new state
    event ModelRegistryPauseSet(bool paused);

    /// @notice The parent id does not name an existing model.
    error ModelRegistryParentNotFound(uint256 parentId);
    /// @notice The model id does not exist.
    error ModelRegistryModelNotFound(uint256 modelId);
    /// @notice The caller is not the model's owner.
    error ModelRegistryNotOwner(uint256 modelId, address caller);
    /// @notice The model is already sealed.
    error ModelRegistryAlreadySealed(uint256 modelId);
    /// @notice The metadata hash is zero.
    error ModelRegistryEmptyMetadataHash();
    /// @notice The caller is not the attestation registry.
    error ModelRegistryNotAttestationRegistry(address caller);
    /// @notice The registry is paused.
    error ModelRegistryPaused();

    /// @notice Register a new model, minted to the caller.
    /// @param metadataURI where the metadata JSON lives (emitted, not stored)
    /// @param metadataHash SHA-256 of the canonical metadata JSON, non-zero
    /// @param parentId base model of a fine-tune or previous version, 0 for none; must exist
    /// @param parameterCount number of parameters
    /// @return modelId the new id, starting at 1
    function registerModel(string calldata metadataURI, bytes32 metadataHash, uint256 parentId, uint64 parameterCount)
        external
        returns (uint256 modelId);

    /// @notice Replace a model's metadata (owner only).
    /// @param modelId the model
    /// @param metadataURI new location (emitted, not stored)
    /// @param metadataHash new SHA-256, non-zero
    function updateMetadata(uint256 modelId, string calldata metadataURI, bytes32 metadataHash) external;

    /// @notice Seal the model's training (owner only, irreversible).
    /// @param modelId the model
    function sealTraining(uint256 modelId) external;

    /// @notice A model's stored data; reverts if it does not exist.
    /// @param modelId the model
    /// @return info parentId, parameterCount, trainingSealed, metadataHash
    function getModel(uint256 modelId) external view returns (ModelInfo memory info);

    /// @notice Number of models registered (the highest id).
    /// @return count the number of models
    function totalModels() external view returns (uint256 count);

    /// @notice The attestation registry this registry serves.
    /// @return registry its address
    function attestationRegistry() external view returns (address registry);

    /// @notice Whether state-changing entry points are paused.
    /// @return isPaused the pause flag
    function paused() external view returns (bool isPaused);

    /// @notice Owner, seal flag and the attestation registry's per-model word, in one call.
    /// @dev For a model that does not exist: owner 0, not sealed, cursor 0.
    /// @param modelId the model
    /// @return owner current holder
    /// @return trainingSealed whether training is sealed
    /// @return cursor 136-bit word owned by the attestation registry
    function attestationContext(uint256 modelId)
        external
        view
        returns (address owner, bool trainingSealed, uint256 cursor);

    /// @notice Store the attestation registry's per-model word (attestation registry only).
    /// @param modelId the model (must exist)
    /// @param cursor the new 136-bit word
    function setAttestationCursor(uint256 modelId, uint256 cursor) external;

    /// @notice Pause or unpause (attestation registry only; it forwards its pauser's call).
    /// @param isPaused new state
    function setPaused(bool isPaused) external;
}
