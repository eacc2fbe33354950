// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Method} from "./Common.sol";

/// @title Governance of the attestation registry (SPEC sections 2, 5, 6)
/// @notice Verifier accreditation and profiles, pause, the parameters within their bounds (getParams, with its struct,
/// is in IAttestationRegistry). Events and errors: IAttestationRegistry.
interface IAttestationGovernance {
    /// @notice Accredit a verifier (grants VERIFIER_ROLE) and set its profile (admin only).
    /// @param account the verifier
    /// @param name display name
    /// @param uri profile URI
    function accreditVerifier(address account, string calldata name, string calldata uri) external;

    /// @notice Update the caller's verifier profile (verifier only).
    /// @param name display name
    /// @param uri profile URI
    function updateVerifierProfile(string calldata name, string calldata uri) external;

    /// @notice Pause every state-changing entry point here, in the model registry and certificate registry (pauser).
    function pause() external;

    /// @notice Unpause (pauser).
    function unpause() external;

    /// @notice Set the challenge window, 60 s .. 90 days (admin).
    /// @param value seconds
    function setChallengeWindow(uint32 value) external;

    /// @notice Set the dispute bond, 1 wei .. 1000 ether (admin).
    /// @param value wei
    function setDisputeBond(uint96 value) external;

    /// @notice Set the baseline intensity, 1 .. 2000 gCO2e/kWh (admin).
    /// @param value gCO2e/kWh
    function setBaselineIntensity(uint16 value) external;

    /// @notice Set a method weight, 0 .. 10000 bps (admin).
    /// @param method the method
    /// @param value bps
    function setMethodBps(Method method, uint16 value) external;

    /// @notice Set the verifier share, 0 .. 5000 bps (admin).
    /// @param value bps
    function setVerifierBps(uint16 value) external;

    /// @notice Set the efficiency bonus share, 0 .. 10000 bps (admin).
    /// @param value bps
    function setEfficiencyBps(uint16 value) external;

    /// @notice Set the reward cap, 1 LEAF .. 1e9 LEAF (admin).
    /// @param value LEAF wei
    function setMaxRewardPerAttestation(uint96 value) external;

    /// @notice Set the treasury credited with dismissed bonds (admin).
    /// @param treasury non-zero address
    function setTreasury(address treasury) external;

    /// @notice Whether the registry is paused.
    /// @return isPaused the flag
    function paused() external view returns (bool isPaused);

    /// @notice Whether the account is an accredited verifier.
    /// @param account the account
    /// @return active whether it holds VERIFIER_ROLE
    function isVerifier(address account) external view returns (bool active);

    /// @notice A verifier's public record.
    /// @param account the verifier
    /// @return active whether accredited now
    /// @return index its compact index (0 = never accredited)
    /// @return invalidatedVerdicts how many of its verdicts were later invalidated
    function verifierRecord(address account)
        external
        view
        returns (bool active, uint32 index, uint64 invalidatedVerdicts);
}
