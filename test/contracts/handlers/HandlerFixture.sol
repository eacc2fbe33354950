// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Base} from "../Base.t.sol";
import {Handler} from "./Handler.sol";
import {HandlerSetup} from "./HandlerState.sol";

/// @dev What the invariant suite and the handler smoke tests set up alike: a handler wired to the deployed protocol
/// and its actors, and the models the bonus path needs.
abstract contract HandlerFixture is Base {
    function _newHandler() internal returns (Handler) {
        return new Handler(
            HandlerSetup({
                reg: reg,
                models: models,
                leaf: leaf,
                certs: certs,
                bonus: bonus,
                verifierKeys: [verifierPk, verifier2Pk],
                ownerKeys: [alicePk, bobPk],
                roles: [arbiter, challenger, admin, pauser]
            })
        );
    }

    /// @dev Models 1 and 2 (alice), 3 (bob), and 4 and 5: fine-tunes of 1 sharing its savings budget.
    function _registerBonusModels() internal {
        _register(alice);
        _register(alice);
        _register(bob);
        _registerChild(alice, 1, 7e9);
        _registerChild(alice, 1, 8e9);
    }
}
