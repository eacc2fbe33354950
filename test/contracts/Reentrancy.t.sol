// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {Attestation, Kind} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {ILeafToken} from "../../contracts/ILeafToken.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {Base} from "./Base.t.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @dev A challenger whose receive() re-enters withdrawRefund (and dispute) while being paid.
contract MaliciousChallenger {
    IAttestationRegistry internal immutable reg;
    bytes32 internal target;
    uint256 public reentryAttempts;
    bytes public lastRevert;
    bool public bubble;

    constructor(IAttestationRegistry r) {
        reg = r;
    }

    function setBubble(bool b) external {
        bubble = b;
    }

    function dispute(bytes32 id) external payable {
        target = id;
        reg.dispute{value: msg.value}(id, "ipfs://malicious");
    }

    function withdraw() external {
        reg.withdrawRefund();
    }

    receive() external payable {
        ++reentryAttempts;
        if (bubble) revert("no thanks");
        try reg.withdrawRefund() {}
        catch (bytes memory err) {
            lastRevert = err;
        }
    }
}

/// @dev A LEAF look-alike whose mint re-enters claimReward.
contract MaliciousLeaf {
    address public minter;
    AttestationRegistry internal reg;
    Attestation internal stored;
    bytes public lastRevert;
    uint256 public mints;

    constructor(address minter_) {
        minter = minter_;
    }

    function arm(AttestationRegistry r, Attestation memory a) external {
        reg = r;
        stored = a;
    }

    function mint(address, uint256) external {
        ++mints;
        try reg.claimReward(stored) {}
        catch (bytes memory err) {
            lastRevert = err;
        }
    }
}

contract ReentrancyTest is Base {
    uint256 internal m;

    function setUp() public override {
        super.setUp();
        m = _register(alice);
    }

    function _upheld(MaliciousChallenger c) internal returns (bytes32 id) {
        id = _submit(alice, _att(m));
        _verify(id);
        c.dispute{value: BOND}(id);
        vm.prank(arbiter);
        reg.upholdDispute(id, bytes32(0));
    }

    function test_RefundReentrancyBlocked() public {
        MaliciousChallenger c = new MaliciousChallenger(reg);
        _upheld(c);
        assertEq(reg.refundOf(address(c)), BOND);
        c.withdraw();
        assertEq(address(c).balance, BOND);
        assertEq(reg.refundOf(address(c)), 0);
        assertEq(address(reg).balance, 0);
        assertEq(c.reentryAttempts(), 1);
        assertEq(bytes4(c.lastRevert()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        // nothing left to take
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNothingToWithdraw.selector, address(c))
        );
        c.withdraw();
    }

    function test_RevertWhen_RefundReceiverRejects() public {
        MaliciousChallenger c = new MaliciousChallenger(reg);
        _upheld(c);
        c.setBubble(true);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryTransferFailed.selector, address(c), BOND)
        );
        c.withdraw();
        // the credit is intact and can be taken later
        assertEq(reg.refundOf(address(c)), BOND);
        c.setBubble(false);
        c.withdraw();
        assertEq(address(c).balance, BOND);
    }

    function test_RefundsNeverExceedBonds() public {
        MaliciousChallenger c = new MaliciousChallenger(reg);
        _upheld(c);
        bytes32 id2 = _submit(alice, _att(m, Kind.FINETUNING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
        _verify(id2);
        vm.prank(challenger);
        reg.dispute{value: BOND}(id2, "");
        vm.prank(arbiter);
        reg.dismissDispute(id2, bytes32(0));
        assertEq(address(reg).balance, reg.refundOf(address(c)) + reg.refundOf(treasury));
    }

    function test_MintReentrancyBlocked() public {
        uint64 nonce = vm.getNonce(address(this));
        address predicted = vm.computeCreateAddress(address(this), nonce + 2);
        ModelRegistry models2 = new ModelRegistry(predicted);
        MaliciousLeaf evil = new MaliciousLeaf(predicted);
        AttestationRegistry reg2 =
            new AttestationRegistry(models2, ILeafToken(address(evil)), address(1), admin, _params());
        vm.prank(admin);
        reg2.accreditVerifier(verifier, "V", "");
        vm.prank(alice);
        uint256 id = models2.registerModel("x", keccak256("x"), 0, 1);
        Attestation memory a = _att(id);
        vm.prank(alice);
        bytes32 aid = reg2.submit(a);
        vm.prank(verifier);
        reg2.verify(aid);
        vm.warp(block.timestamp + WINDOW);
        evil.arm(reg2, a);
        vm.prank(alice);
        reg2.claimReward(a);
        assertEq(evil.mints(), 2); // owner and verifier, each re-entry refused
        assertEq(bytes4(evil.lastRevert()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertTrue(reg2.getAttestation(aid).claimed);
    }
}
