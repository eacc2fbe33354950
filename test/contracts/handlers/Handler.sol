// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BonusActions} from "./BonusActions.sol";
import {CertificateActions} from "./CertificateActions.sol";
import {GovernanceActions} from "./GovernanceActions.sol";
import {HandlerSetup, HandlerState} from "./HandlerState.sol";
import {ReviewActions} from "./ReviewActions.sol";

/// @dev Drives the protocol with bounded random actions and mirrors, independently, what the
/// SPEC says must happen (status machine, challenge windows, payouts, period frontiers). Besides the
/// attestation actions it pauses and unpauses with time passing, changes reward parameters and the challenge
/// window, revokes and re-accredits verifiers, and lets the arbiter invalidate unreviewed verdicts of revoked
/// verifiers (SPEC 5, v1.1); every payout is checked against a ghost SPEC 6 model, and every freed period (SPEC 4,
/// v1.1) against the ghost's frontier. Its actions are in the files beside this one, one concern each.
contract Handler is BonusActions, ReviewActions, CertificateActions, GovernanceActions {
    constructor(HandlerSetup memory s) HandlerState(s) {}
}
