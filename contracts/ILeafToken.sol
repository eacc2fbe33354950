// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title LEAF incentive token (SPEC section 6)
interface ILeafToken is IERC20 {
    /// @notice The caller is not the minter.
    error LeafTokenNotMinter(address caller);
    /// @notice The minter address is zero.
    error LeafTokenZeroMinter();

    /// @notice Mint LEAF (the attestation registry only).
    /// @param to recipient
    /// @param amount wei (18 decimals)
    function mint(address to, uint256 amount) external;

    /// @notice The only address allowed to mint (the AttestationRegistry).
    /// @return account the minter
    function minter() external view returns (address account);
}
