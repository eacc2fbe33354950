// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "./Common.sol";

/// @title EIP-712 struct hash of an attestation (its id)
library AttestationHash {
    /// @dev keccak256 of the ATTESTATION_TYPE string of IAttestationRegistry.
    bytes32 internal constant TYPEHASH = keccak256(
        "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,uint16 pueMilli,"
        "uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 workUnits,uint64 embodiedG,"
        "uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,bytes32 rowsRoot,"
        "bytes32 supersedes)"
    );

    /// @dev hashStruct(Attestation): the 17 head words of the calldata struct (static fields in ABI layout,
    /// which equals their EIP-712 encoding) with the `evidenceURI` offset replaced by keccak256 of its bytes.
    /// Non-canonical calldata (dirty high bits) only yields an id that does not exist; every path that
    /// stores an id also ABI-decodes (validates) every field when emitting it.
    function hash(Attestation calldata a) internal pure returns (bytes32 h) {
        bytes32 typeHash = TYPEHASH;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, typeHash)
            calldatacopy(add(m, 0x20), a, 0x220)
            let uri := add(a, calldataload(add(a, 0x1c0))) // field 14, evidenceURI
            let len := calldataload(uri)
            calldatacopy(add(m, 0x240), add(uri, 0x20), len)
            mstore(add(m, 0x1e0), keccak256(add(m, 0x240), len))
            h := keccak256(m, 0x240)
        }
    }
}
