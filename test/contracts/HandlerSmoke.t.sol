// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Handler} from "./handlers/Handler.sol";
import {HandlerFixture} from "./handlers/HandlerFixture.sol";

/// @dev Each path of the invariant handler can succeed (a handler whose actions always fail would let the
/// invariants pass vacuously).
contract HandlerSmokeTest is HandlerFixture {
    function test_HandlerSmoke() public {
        _register(alice);
        Handler h = _newHandler();
        h.submit(1, 1, 0, 100, 1000, 7);
        h.verify(0, 0);
        assertEq(h.successes(2), 1);
        h.dispute(1);
        assertEq(h.successes(3), 1);
        h.arbitrate(1, true);
        assertEq(h.successes(4), 1);
        // the upheld period is free again: the next submission re-attests it
        h.submit(1, 1, 0, 100, 1000, 8);
        (uint64 start,) = h.period(h.ids(0));
        (uint64 again,) = h.period(h.ids(1));
        assertEq(again, start, "freed period attested again");
        h.verify(1, 0); // verifier index 0
        h.toggleVerifier(0); // revokes it
        h.invalidateUnreviewed(1);
        assertEq(h.unreviewedInvalidations(), 1);
        assertEq(h.violations(), 0, h.firstViolation());
    }
}

contract CertificateHandlerSmokeTest is HandlerFixture {
    /// @dev Every certificate transition of the handler can succeed: record, confirm, revoke, re-record after
    /// the revocation, reject, re-record after the rejection; the variants under another spelling never do.
    function test_CertificateHandlerSmoke() public {
        _register(alice);
        Handler h = _newHandler();
        h.record(0, 1, 0);
        h.certVerdict(1, true);
        h.certRevoke(1);
        h.record(0, 1, 1);
        h.certVerdict(1, false);
        h.record(0, 1, 2);
        h.record(0, 1, 4);
        h.record(0, 1, 5);
        assertEq(h.certSuccesses(0), 3, "records");
        assertEq(h.certSuccesses(1), 1, "confirmations");
        assertEq(h.certSuccesses(2), 1, "rejections");
        assertEq(h.certSuccesses(3), 1, "revocations");
        assertEq(h.certSuccesses(4), 2, "re-records after free");
        assertEq(h.violations(), 0, h.firstViolation());
    }
}

contract BonusHandlerSmokeTest is HandlerFixture {
    /// @dev The handler's bonus path can pay: a bonus is refused while its tally is incomplete and paid once
    /// someone tallied; siblings share the parent's budget.
    function test_BonusHandlerSmoke() public {
        _registerBonusModels();
        Handler h = _newHandler();
        h.bonus(0, 1e9, 1e12); // child 4, nobody tallies: refused
        assertEq(h.bonusesPaid(), 0);
        assertEq(h.tallies(), 0);
        h.bonus(1 << 16, 1e9, 1e12); // child 4 again, both tallied first: paid
        assertEq(h.bonusesPaid(), 1);
        assertEq(h.tallies(), 2);
        h.bonus(1 | (1 << 16), 1e9, 1e12); // child 5: its own runs tallied, the parent's already are
        assertEq(h.bonusesPaid(), 2);
        assertEq(h.violations(), 0, h.firstViolation());
    }
}
