// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../../contracts/AttestationRegistry.sol";
import {CertificateRegistry} from "../../../contracts/CertificateRegistry.sol";
import {EfficiencyBonus} from "../../../contracts/EfficiencyBonus.sol";
import {LeafToken} from "../../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../../contracts/ModelRegistry.sol";
import {BonusActions} from "./BonusActions.sol";
import {CertificateActions} from "./CertificateActions.sol";
import {GovernanceActions} from "./GovernanceActions.sol";
import {HandlerState} from "./HandlerState.sol";
import {ReviewActions} from "./ReviewActions.sol";

/// @dev Drives the protocol with bounded random actions and mirrors, independently, what the
/// SPEC says must happen (status machine, challenge windows, payouts, period frontiers). Besides the
/// attestation actions it pauses and unpauses with time passing, changes reward parameters and the challenge
/// window, revokes and re-accredits verifiers, and lets the arbiter invalidate unreviewed verdicts of revoked
/// verifiers (SPEC 5, v1.1); every payout is checked against a ghost SPEC 6 model, and every freed period (SPEC 4,
/// v1.1) against the ghost's frontier. Its actions are in the files beside this one, one concern each.
contract Handler is BonusActions, ReviewActions, CertificateActions, GovernanceActions {
    constructor(
        AttestationRegistry r,
        ModelRegistry mr,
        LeafToken l,
        CertificateRegistry c,
        EfficiencyBonus eb,
        uint256[2] memory verifierKeys_,
        uint256[2] memory ownerKeys,
        address[4] memory roles // arbiter, challenger, admin, pauser
    ) HandlerState(r, mr, l, c, eb, verifierKeys_, ownerKeys, roles) {}
}
