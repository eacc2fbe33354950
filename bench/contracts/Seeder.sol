// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method} from "../../contracts/Common.sol";

interface ISeedModelRegistry {
    function registerModel(string calldata metadataURI, bytes32 metadataHash, uint256 parentId, uint64 parameterCount)
        external
        returns (uint256 modelId);
}

interface ISeedAttestationRegistry {
    function submit(Attestation calldata attestation) external returns (bytes32 id);
    function verify(bytes32 id) external;
}

/// @notice Bench/test helper: registers many models and submits many attestations in one transaction
/// (it owns the models it registers). Pseudo-random but valid fields derived from a salt.
contract SeedOwner {
    bytes8[6] private regions = [bytes8("FR"), bytes8("US-CA"), bytes8("IS"), bytes8("DE"), bytes8("CN"), bytes8("IN")];

    function registerMany(address registry, uint256 count, uint256 salt) external returns (uint256 last) {
        for (uint256 i = 0; i < count; i++) {
            bytes32 h = keccak256(abi.encode(salt, i));
            uint64 params = uint64(uint256(h) % 400_000_000_000) + 1;
            last = ISeedModelRegistry(registry).registerModel("", h, 0, params);
        }
    }

    /// @dev Attestations j = 0..perModel-1 of models firstModel..firstModel+models-1; periods are
    /// consecutive hours ending before now, so they never overlap within a (model, kind).
    function submitMany(address registry, uint256 firstModel, uint256 models, uint256 perModel, uint256 salt) external {
        uint64 base = uint64(block.timestamp) - uint64(perModel) * 3600 - 3600;
        for (uint256 m = 0; m < models; m++) {
            for (uint256 j = 0; j < perModel; j++) {
                uint256 h = uint256(keccak256(abi.encode(salt, firstModel + m, j)));
                Attestation memory a;
                a.modelId = firstModel + m;
                a.kind = Kind(j % 3);
                a.method = Method((h >> 8) % 3);
                a.energyWh = uint64((h >> 16) % 1_000_000_000) + 1;
                a.pueMilli = uint16(1000 + (h >> 48) % 4001);
                a.locationIntensity = uint32((h >> 64) % 2001);
                a.renewableBps = uint16((h >> 80) % 10_001);
                a.acceleratorHours = uint64((h >> 96) % 100_000);
                a.workUnits = uint64((h >> 200) % 1e12);
                a.embodiedG = (h >> 112) % 4 == 0 ? uint64((h >> 120) % 10_000_000) : 0;
                a.periodStart = base + uint64(j) * 3600;
                a.periodEnd = a.periodStart + 3600;
                a.region = regions[(h >> 160) % 6];
                a.evidenceHash = bytes32(h | 1);
                ISeedAttestationRegistry(registry).submit(a);
            }
        }
    }
}

/// @notice Bench/test helper: an accredited verifier contract verifying many attestations per transaction.
contract SeedVerifier {
    function verifyMany(address registry, bytes32[] calldata ids) external {
        for (uint256 i = 0; i < ids.length; i++) {
            ISeedAttestationRegistry(registry).verify(ids[i]);
        }
    }
}
