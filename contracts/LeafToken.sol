// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILeafToken} from "./ILeafToken.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title Greenprint LEAF (SPEC section 6)
/// @notice ERC-20 with ERC-2612 permit. 1 LEAF (1e18 wei) = 1 kg CO2e avoided. Only the attestation
/// registry, fixed at deployment, can mint; there is no other supply path and no admin.
contract LeafToken is ERC20, ERC20Permit, ILeafToken {
    /// @inheritdoc ILeafToken
    address public immutable override minter;

    /// @param minter_ the AttestationRegistry (may be a predicted address)
    constructor(address minter_) ERC20("Greenprint LEAF", "LEAF") ERC20Permit("Greenprint LEAF") {
        if (minter_ == address(0)) revert LeafTokenZeroMinter();
        minter = minter_;
    }

    /// @inheritdoc ILeafToken
    function mint(address to, uint256 amount) external override {
        if (msg.sender != minter) revert LeafTokenNotMinter(msg.sender);
        _mint(to, amount);
    }
}
