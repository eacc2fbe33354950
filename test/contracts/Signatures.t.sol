// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {Attestation, Kind, Method, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {LeafToken} from "../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {Base} from "./Base.t.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @dev ERC-1271 wallet controlled by one EOA key; can be switched to refuse everything.
contract Wallet1271 is IERC1271 {
    address public immutable signer;
    bool public refuse;

    constructor(address signer_) {
        signer = signer_;
    }

    function setRefuse(bool r) external {
        refuse = r;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (refuse) return 0xffffffff;
        (address rec, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        return err == ECDSA.RecoverError.NoError && rec == signer ? IERC1271.isValidSignature.selector : bytes4(0);
    }

    function call(address target, bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call(data);
        require(ok, "call failed");
        return ret;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }
}

contract SignaturesTest is Base {
    uint256 internal m;
    uint256 internal deadline;
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    function setUp() public override {
        super.setUp();
        m = _register(alice);
        deadline = block.timestamp + 1 hours;
    }

    // ------------------------------------------------------------ submitWithSig

    function test_SubmitWithSig() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.prank(bob); // any relayer
        bytes32 id = reg.submitWithSig(a, alice, 0, deadline, sig);
        assertEq(id, _id(a));
        assertEq(reg.nonces(alice), 1);
        assertEq(uint8(_status(id)), uint8(Status.Submitted));
        // alice is recorded as submitter: a verifier equal to the relayer is fine, alice as verifier is not
    }

    function test_RevertWhen_SubmitWithSigReplayed() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        reg.submitWithSig(a, alice, 0, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, 1));
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigCancelledNonce() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.NonceCancelled(alice, 0);
        vm.prank(alice);
        reg.cancelNonce();
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, 1));
        reg.submitWithSig(a, alice, 0, deadline, sig);
        // a signature with the wrong nonce value is refused too
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 1, deadline, sig);
    }

    // ------------------------------------------------------------ issue 12 L-3: keyed nonces (SPEC 5, v1.1)

    function _keyed(uint192 key, uint64 sequence) internal pure returns (uint256) {
        return (uint256(key) << 64) | sequence;
    }

    /// @dev v1 had one sequence per signer: a verdict signed for one relayer and withheld blocked every later one.
    function test_WithheldKeyedSignatureBlocksOnlyItsKey() public {
        bytes32 id1 = _submit(alice, _att(m, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days)));
        bytes32 id2 = _submit(alice, _att(m, Kind.FINETUNING, uint64(T0 - 3 days), uint64(T0 - 2 days)));
        // signed for counterparty A (key 1), withheld; then for counterparty B (key 2)
        _verdictSig(verifierPk, id1, true, bytes32(0), _keyed(1, 0), deadline);
        bytes memory forB = _verdictSig(verifierPk, id2, true, bytes32(0), _keyed(2, 0), deadline);
        reg.verdictWithSig(id2, true, bytes32(0), verifier, _keyed(2, 0), deadline, forB);
        assertEq(uint8(_status(id2)), uint8(Status.Verified));
        (bool ok, bytes memory ret) =
            address(reg).staticcall(abi.encodeWithSignature("nonces(address,uint192)", verifier, uint192(2)));
        assertTrue(ok);
        assertEq(abi.decode(ret, (uint256)), _keyed(2, 1));
        assertEq(reg.nonces(verifier), 0, "key 0, the v1 sequence, untouched");
    }

    function testFuzz_KeyedNonceReplayRefused(uint192 key, uint64 sequenceOffset) public {
        key = uint192(bound(key, 1, type(uint192).max));
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, _keyed(key, 0), deadline);
        reg.submitWithSig(a, alice, _keyed(key, 0), deadline, sig);
        // the same key's next sequence is 1: replaying 0, or skipping ahead, is refused
        uint64 wrong = sequenceOffset == 1 ? 0 : sequenceOffset;
        Attestation memory b = _att(m, Kind.FINETUNING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes memory sig2 = _submitSig(alicePk, b, _keyed(key, wrong), deadline);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, _keyed(key, 1)));
        reg.submitWithSig(b, alice, _keyed(key, wrong), deadline, sig2);
    }

    function test_RevertWhen_KeyedNonceCancelled() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, _keyed(7, 0), deadline);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.NonceCancelled(alice, _keyed(7, 0));
        vm.prank(alice);
        (bool ok,) = address(reg).call(abi.encodeWithSignature("cancelKeyedNonce(uint192)", uint192(7)));
        assertTrue(ok);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, _keyed(7, 1)));
        reg.submitWithSig(a, alice, _keyed(7, 0), deadline, sig);
        // other keys and key 0 still work
        sig = _submitSig(alicePk, a, 0, deadline);
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_CancelKeyedNoncePaused() public {
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.cancelKeyedNonce(7);
    }

    function test_RevertWhen_SubmitWithSigExpired() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryExpired.selector, deadline));
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_SubmitWithSigAtDeadline() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        vm.warp(deadline);
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigOtherChain() public {
        Attestation memory a = _att(m);
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), 0, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", _domainSeparator(address(reg), 1), structHash));
        bytes memory sig = _sign(alicePk, digest);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, sig);
        // and a signature valid here fails after a fork changes the chain id
        bytes memory good = _submitSig(alicePk, a, 0, deadline);
        vm.chainId(999);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, good);
    }

    function test_RevertWhen_SubmitWithSigOtherContract() public {
        Attestation memory a = _att(m);
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), 0, deadline));
        bytes32 digest = keccak256(
            abi.encodePacked("\x19\x01", _domainSeparator(makeAddr("otherRegistry"), block.chainid), structHash)
        );
        bytes memory sig = _sign(alicePk, digest);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigWrongSigner() public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(bobPk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, sig);
        // bob signing for himself is valid but bob is not the owner
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        reg.submitWithSig(a, bob, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitWithSigHighS() public {
        Attestation memory a = _att(m);
        bytes32 structHash = keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), _id(a), 0, deadline));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, _digest(structHash));
        bytes32 highS = bytes32(N - uint256(s));
        uint8 flippedV = v == 27 ? 28 : 27;
        // the malleable twin recovers to the same address but is refused
        assertEq(ecrecover(_digest(structHash), flippedV, r, highS), alice);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, abi.encodePacked(r, highS, flippedV));
    }

    function test_RevertWhen_SubmitWithSigMalformed() public {
        Attestation memory a = _att(m);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg.submitWithSig(a, alice, 0, deadline, hex"1234");
    }

    /// @dev A relayer changing any single field of a signed submission invalidates the signature.
    function testFuzz_RevertWhen_SubmitWithSigFrontRunChangesField(uint8 field, uint256 delta) public {
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline);
        field = uint8(bound(field, 0, 16));
        delta = bound(delta, 1, 1000);
        Attestation memory b = _copy(a);
        if (field == 0) b.modelId = _register(alice);
        else if (field == 1) b.kind = Kind.FINETUNING;
        else if (field == 2) b.method = Method.SOFTWARE;
        else if (field == 3) b.energyWh += uint64(delta);
        else if (field == 4) b.pueMilli += uint16(delta);
        else if (field == 5) b.locationIntensity -= uint32(delta % 400 + 1);
        else if (field == 6) b.renewableBps -= uint16(delta);
        else if (field == 7) b.acceleratorHours += uint64(delta);
        else if (field == 8) b.workUnits += uint64(delta);
        else if (field == 9) b.embodiedG += uint64(delta);
        else if (field == 10) b.periodStart += uint64(delta);
        else if (field == 11) b.periodEnd += uint64(delta);
        else if (field == 12) b.region = bytes8("FR");
        else if (field == 13) b.evidenceHash = keccak256(abi.encode(delta));
        else if (field == 14) b.evidenceURI = "ipfs://other";
        else if (field == 15) b.rowsRoot = keccak256(abi.encode(delta));
        else b.supersedes = _submit(alice, _att(m, Kind.INFERENCE, uint64(T0 - 9 days), uint64(T0 - 8 days)));
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        vm.prank(bob);
        reg.submitWithSig(b, alice, 0, deadline, sig);
    }

    // ------------------------------------------------------------ ERC-1271

    function _walletModel(Wallet1271 w) internal returns (uint256 id) {
        id = _register(alice);
        vm.prank(alice);
        models.transferFrom(alice, address(w), id);
    }

    function test_SubmitWithSigErc1271() public {
        Wallet1271 w = new Wallet1271(bob);
        uint256 wm = _walletModel(w);
        Attestation memory a = _att(wm);
        bytes memory sig = _submitSig(bobPk, a, 0, deadline);
        bytes32 id = reg.submitWithSig(a, address(w), 0, deadline, sig);
        assertEq(uint8(_status(id)), uint8(Status.Submitted));
        assertEq(reg.nonces(address(w)), 1);
    }

    function test_RevertWhen_SubmitWithSigErc1271Refuses() public {
        Wallet1271 w = new Wallet1271(bob);
        uint256 wm = _walletModel(w);
        Attestation memory a = _att(wm);
        bytes memory sig = _submitSig(bobPk, a, 0, deadline);
        w.setRefuse(true);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, address(w))
        );
        reg.submitWithSig(a, address(w), 0, deadline, sig);
        w.setRefuse(false);
        // wrong key behind the wallet
        bytes memory bad = _submitSig(alicePk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, address(w))
        );
        reg.submitWithSig(a, address(w), 0, deadline, bad);
    }

    function test_VerdictWithSigErc1271Verifier() public {
        Wallet1271 w = new Wallet1271(bob);
        vm.prank(admin);
        reg.accreditVerifier(address(w), "Wallet verifier", "");
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(bobPk, id, true, bytes32(0), 0, deadline);
        reg.verdictWithSig(id, true, bytes32(0), address(w), 0, deadline, sig);
        assertEq(reg.getAttestation(id).verifier, address(w));
    }

    // ------------------------------------------------------------ verdictWithSig

    function test_VerdictWithSigApprove() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationVerified(id, verifier, uint64(block.timestamp + WINDOW));
        vm.prank(bob);
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
        assertEq(reg.nonces(verifier), 1);
    }

    function test_VerdictWithSigReject() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, false, keccak256("no"), 0, deadline);
        reg.verdictWithSig(id, false, keccak256("no"), verifier, 0, deadline, sig);
        assertEq(uint8(_status(id)), uint8(Status.Rejected));
    }

    function test_RevertWhen_VerdictWithSigFlipped() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, false, keccak256("no"), 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, verifier)
        );
        reg.verdictWithSig(id, true, keccak256("no"), verifier, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigNonVerifier() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(bobPk, id, true, bytes32(0), 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, bob));
        reg.verdictWithSig(id, true, bytes32(0), bob, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigReplayed() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, verifier, 1));
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigExpired() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryExpired.selector, deadline));
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
    }

    function test_RevertWhen_VerdictWithSigPaused() public {
        bytes32 id = _submit(alice, _att(m));
        bytes memory sig = _verdictSig(verifierPk, id, true, bytes32(0), 0, deadline);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        reg.verdictWithSig(id, true, bytes32(0), verifier, 0, deadline, sig);
    }

    // ------------------------------------------------------------ submitVerified

    function test_SubmitVerified() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        bytes32 id = _id(a);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationVerified(id, verifier, uint64(block.timestamp + WINDOW));
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Verified));
        assertEq(st.verifier, verifier);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(a);
        assertGt(r, 0);
    }

    function test_SubmitVerifiedCorrection() public {
        Attestation memory p = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _copy(p);
        c.energyWh = 5;
        c.supersedes = pid;
        _newEvidence(c);
        bytes memory sig = _verifiedSig(verifierPk, c, 0, deadline);
        vm.prank(alice);
        reg.submitVerified(c, verifier, 0, deadline, sig);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 1);
    }

    function test_RevertWhen_SubmitVerifiedNotVerifier() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(bobPk, a, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, bob));
        vm.prank(alice);
        reg.submitVerified(a, bob, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedByVerifierOwner() public {
        uint256 vm_ = _register(verifier);
        Attestation memory a = _att(vm_);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryVerifierIsOwner.selector, vm_, verifier)
        );
        vm.prank(verifier);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedNotOwner() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        vm.prank(bob);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedChangedField() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        a.energyWh += 1;
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, verifier)
        );
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedWithOwnerSignatureType() public {
        // a SubmitAttestation signature of the verifier is not a VerifiedAttestation signature
        Attestation memory a = _att(m);
        bytes memory sig = _submitSig(verifierPk, a, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, verifier)
        );
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
    }

    function test_RevertWhen_SubmitVerifiedPaused() public {
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, deadline);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, deadline, sig);
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        reg.submitWithSig(a, alice, 0, deadline, sig);
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.cancelNonce();
    }

    function test_RevertWhen_ReplayOnSecondDeployment() public {
        // an identical second deployment on the same chain refuses signatures made for the first
        uint64 nonce = vm.getNonce(address(this));
        address predicted = vm.computeCreateAddress(address(this), nonce + 2);
        ModelRegistry models2 = new ModelRegistry(predicted);
        LeafToken leaf2 = new LeafToken(predicted);
        AttestationRegistry reg2 = new AttestationRegistry(models2, leaf2, address(1), admin, _params());
        vm.prank(alice);
        models2.registerModel("x", keccak256("x"), 0, 1);
        Attestation memory a = _att(1);
        bytes memory sig = _submitSig(alicePk, a, 0, deadline); // for `reg`
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryInvalidSignature.selector, alice)
        );
        reg2.submitWithSig(a, alice, 0, deadline, sig);
    }
}
