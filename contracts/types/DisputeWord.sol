// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev An open dispute, `AttestationRegistryStorage._disputes[id]`. The layout, written here only:
///
/// | bits     | field      |
/// |----------|------------|
/// | 0..159   | challenger |
/// | 160..255 | bond (wei) |
type DisputeWord is uint256;

using DisputeWordLib for DisputeWord global;

/// @title Getters and setters of the dispute word (layout above)
library DisputeWordLib {
    uint256 private constant _BOND_SHIFT = 160;

    function pack(address challenger_, uint256 bond_) internal pure returns (DisputeWord) {
        return DisputeWord.wrap(uint256(uint160(challenger_)) | (bond_ << _BOND_SHIFT));
    }

    function challenger(DisputeWord d) internal pure returns (address) {
        return address(uint160(DisputeWord.unwrap(d)));
    }

    function bond(DisputeWord d) internal pure returns (uint256) {
        return DisputeWord.unwrap(d) >> _BOND_SHIFT;
    }
}
