// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {CertificateRegistry} from "../../contracts/CertificateRegistry.sol";
import {ARBITER_ROLE, Attestation, Kind, Method, PAUSER_ROLE, Status} from "../../contracts/Common.sol";
import {EfficiencyBonus} from "../../contracts/EfficiencyBonus.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {LeafToken} from "../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {Test} from "forge-std/Test.sol";

/// @dev Deploys and wires the whole protocol; helpers to build, sign and drive attestations.
abstract contract Base is Test {
    ModelRegistry internal models;
    LeafToken internal leaf;
    AttestationRegistry internal reg;
    EfficiencyBonus internal bonus;
    CertificateRegistry internal certs;

    address internal admin = makeAddr("admin");
    address internal treasury = makeAddr("treasury");
    address internal arbiter = makeAddr("arbiter");
    address internal pauser = makeAddr("pauser");
    address internal challenger = makeAddr("challenger");
    uint256 internal alicePk = 0xA11CE;
    address internal alice = vm.addr(alicePk);
    uint256 internal bobPk = 0xB0B;
    address internal bob = vm.addr(bobPk);
    uint256 internal verifierPk = 0x5EE;
    address internal verifier = vm.addr(verifierPk);
    uint256 internal verifier2Pk = 0x5EE2;
    address internal verifier2 = vm.addr(verifier2Pk);

    uint256 internal constant T0 = 1_700_000_000;
    uint32 internal constant WINDOW = 7 days;
    uint96 internal constant BOND = 0.1 ether;

    function _params() internal view returns (IAttestationRegistry.Params memory p) {
        p.challengeWindow = WINDOW;
        p.baselineIntensity = 475;
        p.methodBps = [uint16(10_000), uint16(8000), uint16(0)];
        p.verifierBps = 1000;
        p.efficiencyBps = 5000;
        p.maxRewardPerAttestation = 1_000_000 ether;
        p.disputeBond = BOND;
        p.treasury = treasury;
    }

    function setUp() public virtual {
        vm.warp(T0);
        uint64 nonce = vm.getNonce(address(this));
        address predicted = vm.computeCreateAddress(address(this), nonce + 2);
        address predictedBonus = vm.computeCreateAddress(address(this), nonce + 3);
        models = new ModelRegistry(predicted);
        leaf = new LeafToken(predicted);
        reg = new AttestationRegistry(models, leaf, predictedBonus, admin, _params());
        bonus = new EfficiencyBonus(reg, models);
        bytes32[] memory issuers = new bytes32[](3);
        (issuers[0], issuers[1], issuers[2]) = ("I-REC", "Verra", "Gold Standard");
        certs = new CertificateRegistry(reg, models, issuers);
        vm.startPrank(admin);
        reg.accreditVerifier(verifier, "Verifier One", "https://v1.example");
        reg.accreditVerifier(verifier2, "Verifier Two", "https://v2.example");
        reg.grantRole(ARBITER_ROLE, arbiter);
        reg.grantRole(PAUSER_ROLE, pauser);
        vm.stopPrank();
        vm.deal(challenger, 100 ether);
    }

    function _register(address who) internal returns (uint256 id) {
        bytes32 h = keccak256(abi.encode(who, models.totalModels()));
        vm.prank(who);
        id = models.registerModel("ipfs://bafymodel", h, 0, 7e9);
    }

    function _registerChild(address who, uint256 parent, uint64 params) internal returns (uint256 id) {
        vm.prank(who);
        id = models.registerModel("ipfs://bafychild", keccak256("child"), parent, params);
    }

    function _att(uint256 modelId, Kind kind, uint64 start, uint64 end) internal pure returns (Attestation memory a) {
        a.modelId = modelId;
        a.kind = kind;
        a.method = Method.METER;
        a.energyWh = 1_000_000_000; // 1 GWh
        a.pueMilli = 1100;
        a.locationIntensity = 400;
        a.renewableBps = 2500;
        a.acceleratorHours = 250_000;
        a.workUnits = 2_000_000_000_000; // 2e12 tokens
        a.embodiedG = 5_000_000;
        a.periodStart = start;
        a.periodEnd = end;
        a.region = bytes8("US-CA");
        // one evidence document per attestation (SPEC 4, v1.1): a document of this model, kind and period
        a.evidenceHash = sha256(abi.encode("evidence", modelId, kind, start, end));
        a.evidenceURI = "ipfs://bafyevidence";
        a.rowsRoot = keccak256("rows");
    }

    function _att(uint256 modelId) internal view returns (Attestation memory) {
        return _att(modelId, Kind.INFERENCE, uint64(block.timestamp - 2 days), uint64(block.timestamp - 1 days));
    }

    /// @dev Gives `a` an evidence document of its own (a hash of its other fields): one document backs one
    /// attestation (SPEC 4, v1.1), so a correction needs a new one.
    function _newEvidence(Attestation memory a) internal pure {
        a.evidenceHash = bytes32(0);
        a.evidenceHash = sha256(abi.encode(a));
    }

    /// @dev Deep copy (memory struct assignment aliases).
    function _copy(Attestation memory a) internal pure returns (Attestation memory) {
        return abi.decode(abi.encode(a), (Attestation));
    }

    function _submit(address who, Attestation memory a) internal returns (bytes32 id) {
        vm.prank(who);
        id = reg.submit(a);
    }

    function _verify(bytes32 id) internal {
        vm.prank(verifier);
        reg.verify(id);
    }

    function _pause() internal {
        vm.prank(pauser);
        reg.pause();
    }

    function _unpause() internal {
        vm.prank(pauser);
        reg.unpause();
    }

    function _dispute(bytes32 id) internal {
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "ipfs://reason");
    }

    function _final(address who, Attestation memory a) internal returns (bytes32 id) {
        id = _submit(who, a);
        _verify(id);
        vm.warp(block.timestamp + WINDOW);
    }

    function _digest(bytes32 structHash) internal view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", _domainSeparator(address(reg), block.chainid), structHash));
    }

    function _domainSeparator(address target, uint256 chainId) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Greenprint"),
                keccak256("1"),
                chainId,
                target
            )
        );
    }

    /// @dev Independent reference of the attestation id (EIP-712 hashStruct), built with abi.encode.
    function _id(Attestation memory a) internal pure returns (bytes32) {
        bytes32 typeHash = keccak256(
            "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,uint16 pueMilli,uint32 locationIntensity,"
            "uint16 renewableBps,uint64 acceleratorHours,uint64 workUnits,uint64 embodiedG,uint64 periodStart,"
            "uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,bytes32 rowsRoot,bytes32 supersedes)"
        );
        bytes memory head = abi.encode(
            typeHash,
            a.modelId,
            uint8(a.kind),
            uint8(a.method),
            a.energyWh,
            a.pueMilli,
            a.locationIntensity,
            a.renewableBps,
            a.acceleratorHours
        );
        bytes memory tail = abi.encode(
            a.workUnits,
            a.embodiedG,
            a.periodStart,
            a.periodEnd,
            a.region,
            a.evidenceHash,
            keccak256(bytes(a.evidenceURI)),
            a.rowsRoot,
            a.supersedes
        );
        return keccak256(bytes.concat(head, tail));
    }

    function _sign(uint256 pk, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        return abi.encodePacked(r, s, v);
    }

    function _submitSig(uint256 pk, Attestation memory a, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), nonce, deadline));
        return _sign(pk, _digest(structHash));
    }

    function _verifiedSig(uint256 pk, Attestation memory a, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        bytes32 structHash = keccak256(abi.encode(reg.VERIFIED_ATTESTATION_TYPEHASH(), _id(a), nonce, deadline));
        return _sign(pk, _digest(structHash));
    }

    function _verdictSig(uint256 pk, bytes32 id, bool approve, bytes32 reason, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        bytes32 structHash = keccak256(abi.encode(reg.VERDICT_TYPEHASH(), id, approve, reason, nonce, deadline));
        return _sign(pk, _digest(structHash));
    }

    /// @dev Independent reference of the SPEC 6 reward (LEAF wei) under the default parameters.
    function _refReward(uint256 energyWh, uint256 intensity, uint256 renewableBps, Method method, uint256 baseline)
        internal
        pure
        returns (uint256)
    {
        uint256 market = intensity * (10_000 - renewableBps) / 10_000;
        uint256 gap = baseline > market ? baseline - market : 0;
        uint256 avoided = energyWh * gap / 1000;
        uint256 bps = method == Method.METER ? 10_000 : method == Method.SOFTWARE ? 8000 : 0;
        uint256 weightedG = avoided * bps / 10_000;
        uint256 r = weightedG * 1e18 / 1000;
        return r > 1_000_000 ether ? 1_000_000 ether : r;
    }

    function _status(bytes32 id) internal view returns (Status) {
        return reg.effectiveStatus(id);
    }
}

/// @dev Base with one model of alice's (`m`) and the helpers the attestation life-cycle tests share.
abstract contract OneModelBase is Base {
    uint256 internal m;

    function setUp() public virtual override {
        super.setUp();
        m = _register(alice);
    }

    /// @dev A verified (not yet Final) INFERENCE attestation of `m`.
    function _verified() internal returns (bytes32 id, Attestation memory a) {
        a = _att(m);
        id = _submit(alice, a);
        _verify(id);
    }

    function _revertSubmit(Attestation memory a, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(alice);
        reg.submit(a);
    }

    /// @dev A correction of `p` (id `pid`) with half its energy and an evidence document of its own.
    function _correction(Attestation memory p, bytes32 pid) internal pure returns (Attestation memory c) {
        c = _copy(p);
        c.energyWh = p.energyWh / 2;
        c.evidenceHash = sha256("corrected");
        c.supersedes = pid;
        _newEvidence(c);
    }
}

/// @dev Base with a parent model and a fine-tune of it (alice's), and the helpers of the efficiency bonus tests:
/// Final, sealed training runs, the training tally, request and approval.
abstract contract BonusBase is Base {
    uint256 internal parent;
    uint256 internal child;
    Attestation[] internal parentRuns;
    Attestation[] internal childRuns;

    function setUp() public virtual override {
        super.setUp();
        parent = _register(alice);
        child = _registerChild(alice, parent, 7e9);
    }

    function _run(uint256 modelId, uint64 start, uint64 energy) internal returns (Attestation memory a) {
        a = _att(modelId, Kind.PRETRAINING, start, start + 1 days);
        a.energyWh = energy;
        _submit(alice, a);
        _verify(_id(a));
    }

    /// @dev Tallies the runs of `modelId` not yet in its tally (as the SDK does), as a third party.
    function _tallyUntallied(uint256 modelId, Attestation[] memory runs) internal {
        uint256 n;
        for (uint256 i; i < runs.length; ++i) {
            if (reg.talliedEnergy(_id(runs[i])) == 0) ++n;
        }
        Attestation[] memory untallied = new Attestation[](n);
        n = 0;
        for (uint256 i; i < runs.length; ++i) {
            if (reg.talliedEnergy(_id(runs[i])) == 0) untallied[n++] = runs[i];
        }
        vm.prank(bob);
        reg.tallyTraining(modelId, untallied);
    }

    function _tallyBoth() internal {
        _tallyUntallied(child, childRuns);
        _tallyUntallied(parent, parentRuns);
    }

    /// @dev parent: two runs of 600 + 400 kWh; child: one run of `childEnergy`; all Final, both sealed.
    function _prepare(uint64 childEnergy) internal {
        parentRuns.push(_run(parent, uint64(T0 - 30 days), 600_000));
        parentRuns.push(_run(parent, uint64(T0 - 29 days), 400_000));
        childRuns.push(_run(child, uint64(T0 - 20 days), childEnergy));
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
    }

    function _request() internal {
        vm.prank(alice);
        bonus.requestEfficiencyBonus(child);
    }

    function _approve() internal {
        _tallyBoth();
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child);
    }

    function _expectApproveRevert(bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child);
    }
}

/// @dev OneModelBase with a signature deadline an hour ahead, for the EIP-712 and ERC-1271 signature tests.
abstract contract SigningBase is OneModelBase {
    uint256 internal deadline;

    function setUp() public virtual override {
        super.setUp();
        deadline = block.timestamp + 1 hours;
    }
}
