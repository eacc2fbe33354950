// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Method, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {OneModelBase} from "./Base.t.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @dev Reward claims (SPEC 6), what a correction chain pays, the parameter views and computeReward.
contract AttestationRewardsTest is OneModelBase {
    function test_ClaimReward() public {
        Attestation memory a = _att(m);
        a.method = Method.SOFTWARE;
        bytes32 id = _final(alice, a);
        uint256 expected = _refReward(a.energyWh, a.locationIntensity, a.renewableBps, Method.SOFTWARE, 475);
        assertGt(expected, 0);
        vm.expectEmit(true, true, true, true, address(reg));
        emit IAttestationRegistry.RewardClaimed(id, m, alice, expected, verifier, expected / 10);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r, expected);
        assertEq(vr, expected / 10);
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(verifier), expected / 10);
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Final));
        assertTrue(st.claimed);
        assertEq(st.paid, expected);
    }

    function test_ClaimEstimatePaysNothing() public {
        Attestation memory a = _att(m);
        a.method = Method.ESTIMATE;
        bytes32 id = _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r + vr, 0);
        assertEq(leaf.totalSupply(), 0);
        assertTrue(reg.getAttestation(id).claimed);
    }

    function test_ClaimDirtyGridPaysNothing() public {
        Attestation memory a = _att(m);
        a.locationIntensity = 900;
        a.renewableBps = 0;
        _final(alice, a);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(a);
        assertEq(r, 0);
    }

    function test_ClaimZeroVerifierShare() public {
        vm.prank(admin);
        reg.setVerifierBps(0);
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertGt(r, 0);
        assertEq(vr, 0);
        assertEq(leaf.balanceOf(verifier), 0);
    }

    function test_ClaimCapped() public {
        Attestation memory a = _att(m);
        a.energyWh = type(uint64).max;
        a.renewableBps = 10_000;
        _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r, 1_000_000 ether);
        assertEq(vr, 100_000 ether);
    }

    function test_RevertWhen_ClaimTwice() public {
        Attestation memory a = _att(m);
        bytes32 id = _final(alice, a);
        vm.startPrank(alice);
        reg.claimReward(a);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryAlreadyClaimed.selector, id));
        reg.claimReward(a);
        vm.stopPrank();
    }

    function test_RevertWhen_ClaimBeforeWindow() public {
        Attestation memory a = _att(m);
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.warp(block.timestamp + WINDOW - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, id, Status.Verified)
        );
        vm.prank(alice);
        reg.claimReward(a);
    }

    function test_RevertWhen_ClaimUnknownFields() public {
        Attestation memory a = _att(m);
        _final(alice, a);
        a.energyWh += 1; // a different id
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, _id(a), Status.None)
        );
        vm.prank(alice);
        reg.claimReward(a);
    }

    function test_RevertWhen_ClaimNotOwner() public {
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        vm.prank(bob);
        reg.claimReward(a);
    }

    function test_RevertWhen_ClaimPaused() public {
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.claimReward(a);
    }

    function test_CorrectionRewardReducedByPaid() public {
        Attestation memory p = _att(m);
        p.energyWh = 1_000_000;
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        (uint256 paid,) = reg.claimReward(p);
        Attestation memory c = _copy(p);
        c.energyWh = 3_000_000;
        c.evidenceHash = sha256("c");
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _final(alice, c);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
        uint256 full = _refReward(c.energyWh, c.locationIntensity, c.renewableBps, c.method, 475);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(c);
        assertEq(r, full - paid);
        assertEq(reg.getAttestation(cid).paid, full); // cumulative along the chain
        // the superseded attestation keeps its paid record
        assertEq(reg.getAttestation(pid).paid, paid);
    }

    function test_CorrectionChainDeductsEverythingPaid() public {
        Attestation memory p = _att(m);
        p.energyWh = 1_000_000;
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        (uint256 paidP,) = reg.claimReward(p);
        // S1 corrects P and is verified but never claimed; S2 corrects S1
        Attestation memory s1 = _copy(p);
        s1.energyWh = 2_000_000;
        s1.supersedes = pid;
        _newEvidence(s1);
        bytes32 s1id = _final(alice, s1);
        Attestation memory s2 = _copy(s1);
        s2.energyWh = 1_500_000;
        s2.supersedes = s1id;
        _newEvidence(s2);
        bytes32 s2id = _final(alice, s2);
        uint256 full = _refReward(s2.energyWh, s2.locationIntensity, s2.renewableBps, s2.method, 475);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(s2);
        assertEq(r, full - paidP);
        assertEq(reg.getAttestation(s2id).paid, full);
        // S3 corrects the claimed S2 downwards: nothing more to pay
        Attestation memory s3 = _copy(s2);
        s3.energyWh = 1_200_000;
        s3.supersedes = s2id;
        _newEvidence(s3);
        _final(alice, s3);
        vm.prank(alice);
        (r,) = reg.claimReward(s3);
        assertEq(r, 0);
        assertEq(leaf.balanceOf(alice), full);
    }

    function test_CorrectionRewardNeverNegative() public {
        Attestation memory p = _att(m);
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        reg.claimReward(p);
        Attestation memory c = _copy(p);
        c.energyWh = 1;
        c.supersedes = pid;
        _newEvidence(c);
        _final(alice, c);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(c);
        assertEq(r + vr, 0);
    }

    function test_CorrectionOfUnclaimedPaysFull() public {
        Attestation memory p = _att(m);
        bytes32 pid = _final(alice, p);
        Attestation memory c = _copy(p);
        c.energyWh = p.energyWh / 2;
        c.supersedes = pid;
        _newEvidence(c);
        _final(alice, c);
        // the superseded one's unclaimed reward is cancelled
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, pid, Status.Superseded)
        );
        vm.prank(alice);
        reg.claimReward(p);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(c);
        assertEq(r, _refReward(c.energyWh, c.locationIntensity, c.renewableBps, c.method, 475));
    }

    // ------------------------------------------------------------ views

    function test_Views() public view {
        IAttestationRegistry.Params memory p = reg.getParams();
        assertEq(p.challengeWindow, WINDOW);
        assertEq(p.baselineIntensity, 475);
        assertEq(p.methodBps[0], 10_000);
        assertEq(p.methodBps[1], 8000);
        assertEq(p.methodBps[2], 0);
        assertEq(p.verifierBps, 1000);
        assertEq(p.efficiencyBps, 5000);
        assertEq(p.maxRewardPerAttestation, 1_000_000 ether);
        assertEq(p.disputeBond, BOND);
        assertEq(p.treasury, treasury);
        assertEq(address(reg.modelRegistry()), address(models));
        assertEq(address(reg.leaf()), address(leaf));
        assertEq(reg.efficiencyBonus(), address(bonus));
        assertEq(reg.ATTESTATION_TYPEHASH(), keccak256(bytes(reg.ATTESTATION_TYPE())));
        assertEq(reg.SUBMIT_ATTESTATION_TYPEHASH(), keccak256(bytes(reg.SUBMIT_ATTESTATION_TYPE())));
        assertEq(reg.VERIFIED_ATTESTATION_TYPEHASH(), keccak256(bytes(reg.VERIFIED_ATTESTATION_TYPE())));
        assertEq(reg.VERDICT_TYPEHASH(), keccak256(bytes(reg.VERDICT_TYPE())));
        assertEq(uint8(reg.effectiveStatus(bytes32(0))), uint8(Status.None));
    }

    function test_RevertWhen_ComputeRewardRenewableOutOfRange() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryRenewableOutOfRange.selector, 10_001)
        );
        reg.computeReward(1, 1, 10_001, Method.METER);
    }

    function test_RevertWhen_ClaimMissingModel() public {
        // ownerOf of a burnt or missing model bubbles up the registry's error
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.mockCallRevert(
            address(models),
            abi.encodeWithSignature("ownerOf(uint256)", m),
            abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, m)
        );
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, m));
        vm.prank(alice);
        reg.claimReward(a);
    }
}
