// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";

/// @title A part of the attestation registry run by delegatecall (AttestationDisputes, AttestationTally)
/// @notice The registry deploys each part in its constructor and forwards the calldata of the part's functions
/// to it, so they run on the registry's storage (the layout is shared through AttestationRegistryStorage) and
/// emit the registry's events; a part lives apart only to keep the registry under the EIP-170 size limit.
abstract contract AttestationRegistryPart is AttestationRegistryStorage {
    /// @notice The AttestationRegistry that deployed this contract, the only context it runs in.
    address public immutable registry;
    /// @dev The selector of the part's own error for a call on the part itself instead of through the registry.
    bytes4 private immutable _notDelegated;

    /// @param models the ModelRegistry (the registry's)
    /// @param notDelegated the selector of the part's `<Part>NotDelegated()` error
    constructor(IModelRegistry models, bytes4 notDelegated) AttestationRegistryStorage(models) {
        registry = msg.sender;
        _notDelegated = notDelegated;
    }

    /// @dev Only by delegatecall from the registry (address(this) is then the registry), and not while paused.
    modifier delegated() {
        if (address(this) != registry) {
            bytes4 selector = _notDelegated;
            assembly ("memory-safe") {
                mstore(0, selector)
                revert(0, 4)
            }
        }
        if (_config.paused) revert IAttestationRegistry.AttestationRegistryPaused();
        _;
    }
}
