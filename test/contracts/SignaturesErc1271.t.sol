// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {SigningBase} from "./Base.t.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
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

/// @dev ERC-1271 contract wallets as model owners and as verifiers.
contract SignaturesErc1271Test is SigningBase {
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
}
