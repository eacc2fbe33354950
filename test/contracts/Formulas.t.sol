// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {Base} from "./Base.t.sol";

/// @notice Fuzz tests of every SPEC formula against independent reference computations.
contract FormulasTest is Base {
    uint256 internal m;

    function setUp() public override {
        super.setUp();
        m = _register(alice);
    }

    function _bounded(uint64 energy, uint32 intensity, uint16 renewable, uint64 embodied, uint8 method)
        internal
        view
        returns (Attestation memory a)
    {
        a = _att(m);
        a.energyWh = uint64(bound(energy, 1, type(uint64).max));
        a.locationIntensity = uint32(bound(intensity, 0, 2000));
        a.renewableBps = uint16(bound(renewable, 0, 10_000));
        a.embodiedG = embodied;
        a.method = Method(bound(method, 0, 2));
    }

    /// @dev SPEC 4 derived values, computed in the event exactly as the reference.
    function testFuzz_DerivedValues(uint64 energy, uint32 intensity, uint16 renewable, uint64 embodied) public {
        Attestation memory a = _bounded(energy, intensity, renewable, embodied, 0);
        uint256 loc = uint256(a.energyWh) * a.locationIntensity / 1000;
        uint256 mkt = uint256(a.energyWh) * a.locationIntensity * (10_000 - a.renewableBps) / 10_000_000;
        vm.expectEmit(true, true, true, true, address(reg));
        emit IAttestationRegistry.AttestationSubmitted(_id(a), m, alice, a, loc, mkt, loc + a.embodiedG);
        _submit(alice, a);
        assertLe(mkt, loc);
    }

    /// @dev SPEC 6 reward, as previewed by computeReward and as paid by claimReward.
    function testFuzz_Reward(uint64 energy, uint32 intensity, uint16 renewable, uint8 method, uint16 baseline) public {
        Attestation memory a = _bounded(energy, intensity, renewable, 0, method);
        baseline = uint16(bound(baseline, 1, 2000));
        vm.prank(admin);
        reg.setBaselineIntensity(baseline);
        uint256 expected = _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, baseline);
        assertEq(reg.computeReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method), expected);
        _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r, expected);
        assertEq(vr, expected * 1000 / 10_000);
        assertEq(leaf.totalSupply(), r + vr);
    }

    /// @dev Method weights and verifier share set by governance.
    function testFuzz_RewardWeights(uint64 energy, uint16 meter, uint16 software, uint16 vbps, uint96 cap) public {
        meter = uint16(bound(meter, 0, 10_000));
        software = uint16(bound(software, 0, 10_000));
        vbps = uint16(bound(vbps, 0, 5000));
        cap = uint96(bound(cap, 1e18, 1e27));
        vm.startPrank(admin);
        reg.setMethodBps(Method.METER, meter);
        reg.setMethodBps(Method.SOFTWARE, software);
        reg.setVerifierBps(vbps);
        reg.setMaxRewardPerAttestation(cap);
        vm.stopPrank();
        uint256 e = bound(energy, 1, type(uint64).max);
        for (uint8 i; i < 3; ++i) {
            uint256 market = uint256(300) * 10_000 / 10_000;
            uint256 avoided = e * (475 - market) / 1000;
            uint256 bps = i == 0 ? meter : i == 1 ? software : 0;
            uint256 expected = avoided * bps / 10_000 * 1e15;
            if (expected > cap) expected = cap;
            assertEq(reg.computeReward(uint64(e), 300, 0, Method(i)), expected);
        }
        Attestation memory a = _att(m);
        a.energyWh = uint64(e);
        a.locationIntensity = 300;
        a.renewableBps = 0;
        _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(vr, r * vbps / 10_000);
    }

    /// @dev Supersede deduction: max(0, reward(correction) - paid(predecessor)).
    function testFuzz_SupersedeDeduction(uint64 e1, uint64 e2, uint32 intensity) public {
        Attestation memory p = _bounded(e1, intensity, 0, 0, 0);
        p.energyWh = uint64(bound(e1, 1, 1e15));
        p.locationIntensity = uint32(bound(intensity, 0, 474));
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        (uint256 paid,) = reg.claimReward(p);
        Attestation memory c = _copy(p);
        c.energyWh = uint64(bound(e2, 1, 1e15));
        c.supersedes = pid;
        _newEvidence(c);
        _final(alice, c);
        uint256 full = _refReward(c.energyWh, c.locationIntensity, c.renewableBps, c.method, 475);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(c);
        assertEq(r, full > paid ? full - paid : 0);
    }

    /// @dev The attestation id is the EIP-712 struct hash (reference built with abi.encode).
    function testFuzz_AttestationId(
        uint256 modelId,
        uint64 energy,
        uint16 pue,
        uint32 intensity,
        uint64 start,
        bytes8 region,
        bytes32 evidence,
        string memory uri,
        bytes32 supersedes
    ) public view {
        Attestation memory a = _att(m);
        a.modelId = modelId;
        a.kind = Kind(uint8(energy % 3));
        a.method = Method(uint8(pue % 3));
        a.energyWh = energy;
        a.pueMilli = pue;
        a.locationIntensity = intensity;
        a.periodStart = start;
        a.region = region;
        a.evidenceHash = evidence;
        a.evidenceURI = uri;
        a.supersedes = supersedes;
        assertEq(reg.attestationId(a), _id(a));
    }
}
