// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Test} from "forge-std/Test.sol";

contract ModelRegistryTest is Test {
    ModelRegistry internal models;
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    bytes32 internal constant H = keccak256("meta");

    function setUp() public {
        // this test contract plays the attestation registry
        models = new ModelRegistry(address(this));
    }

    function _register(address who, uint256 parent, uint64 params) internal returns (uint256 id) {
        vm.prank(who);
        id = models.registerModel("ipfs://meta", H, parent, params);
    }

    function test_Metadata() public view {
        assertEq(models.name(), "Greenprint Model");
        assertEq(models.symbol(), "GPM");
        assertEq(models.attestationRegistry(), address(this));
        assertEq(models.totalModels(), 0);
        assertFalse(models.paused());
    }

    function test_RegisterModel() public {
        vm.expectEmit(true, true, true, true, address(models));
        emit IModelRegistry.ModelRegistered(1, alice, 0, 7e9, H, "ipfs://meta");
        uint256 id = _register(alice, 0, 7e9);
        assertEq(id, 1);
        assertEq(models.ownerOf(1), alice);
        assertEq(models.totalModels(), 1);
        IModelRegistry.ModelInfo memory info = models.getModel(1);
        assertEq(info.parentId, 0);
        assertEq(info.parameterCount, 7e9);
        assertFalse(info.trainingSealed);
        assertEq(info.metadataHash, H);
        uint256 child = _register(bob, 1, 8e9);
        assertEq(child, 2);
        assertEq(models.getModel(2).parentId, 1);
    }

    function testFuzz_RegisterModel(uint64 params, uint8 n, uint256 parentSeed) public {
        n = uint8(bound(n, 1, 20));
        for (uint256 i = 1; i <= n; i++) {
            uint256 parent = bound(parentSeed, 0, i - 1);
            assertEq(_register(alice, parent, params), i);
            IModelRegistry.ModelInfo memory info = models.getModel(i);
            assertEq(info.parentId, parent);
            assertEq(info.parameterCount, params);
        }
        assertEq(models.totalModels(), n);
        assertEq(models.balanceOf(alice), n);
    }

    function test_RevertWhen_RegisterParentMissing() public {
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryParentNotFound.selector, 1));
        _register(alice, 1, 1);
    }

    function test_RevertWhen_RegisterEmptyHash() public {
        vm.expectRevert(IModelRegistry.ModelRegistryEmptyMetadataHash.selector);
        models.registerModel("x", bytes32(0), 0, 1);
    }

    function test_UpdateMetadata() public {
        _register(alice, 0, 1);
        vm.expectEmit(true, true, false, true, address(models));
        emit IModelRegistry.ModelMetadataUpdated(1, alice, keccak256("b"), "ipfs://b");
        vm.prank(alice);
        models.updateMetadata(1, "ipfs://b", keccak256("b"));
        assertEq(models.getModel(1).metadataHash, keccak256("b"));
    }

    function test_RevertWhen_UpdateMetadataNotOwner() public {
        _register(alice, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryNotOwner.selector, 1, bob));
        vm.prank(bob);
        models.updateMetadata(1, "x", H);
    }

    function test_RevertWhen_UpdateMetadataMissingModel() public {
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryModelNotFound.selector, 9));
        models.updateMetadata(9, "x", H);
    }

    function test_RevertWhen_UpdateMetadataEmptyHash() public {
        _register(alice, 0, 1);
        vm.expectRevert(IModelRegistry.ModelRegistryEmptyMetadataHash.selector);
        vm.prank(alice);
        models.updateMetadata(1, "x", bytes32(0));
    }

    function test_SealTraining() public {
        _register(alice, 0, 1);
        vm.expectEmit(true, false, false, false, address(models));
        emit IModelRegistry.TrainingSealed(1);
        vm.prank(alice);
        models.sealTraining(1);
        assertTrue(models.getModel(1).trainingSealed);
        (address owner, bool sealed_, uint256 cursor) = models.attestationContext(1);
        assertEq(owner, alice);
        assertTrue(sealed_);
        assertEq(cursor, 0);
    }

    function test_RevertWhen_SealTwice() public {
        _register(alice, 0, 1);
        vm.startPrank(alice);
        models.sealTraining(1);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryAlreadySealed.selector, 1));
        models.sealTraining(1);
    }

    function test_RevertWhen_SealNotOwner() public {
        _register(alice, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryNotOwner.selector, 1, bob));
        vm.prank(bob);
        models.sealTraining(1);
    }

    function test_RevertWhen_GetMissingModel() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 3));
        models.getModel(3);
    }

    function test_ContextMissingModel() public view {
        (address owner, bool sealed_, uint256 cursor) = models.attestationContext(3);
        assertEq(owner, address(0));
        assertFalse(sealed_);
        assertEq(cursor, 0);
    }

    function testFuzz_AttestationCursor(uint256 cursor, uint64 params, uint256 parentSeed) public {
        _register(alice, 0, 5);
        uint256 parent = bound(parentSeed, 0, 1);
        _register(alice, parent, params);
        vm.prank(alice);
        models.sealTraining(2);
        models.setAttestationCursor(2, cursor);
        (address owner, bool sealed_, uint256 stored) = models.attestationContext(2);
        assertEq(owner, alice);
        assertTrue(sealed_);
        assertEq(stored, cursor & ((1 << 136) - 1));
        IModelRegistry.ModelInfo memory info = models.getModel(2);
        assertEq(info.parentId, parent);
        assertEq(info.parameterCount, params);
        assertTrue(info.trainingSealed);
    }

    function test_RevertWhen_CursorNotRegistry() public {
        _register(alice, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryNotAttestationRegistry.selector, bob));
        vm.prank(bob);
        models.setAttestationCursor(1, 1);
    }

    function test_Pause() public {
        _register(alice, 0, 1);
        vm.expectEmit(false, false, false, true, address(models));
        emit IModelRegistry.ModelRegistryPauseSet(true);
        models.setPaused(true);
        assertTrue(models.paused());
        vm.startPrank(alice);
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        models.registerModel("x", H, 0, 1);
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        models.updateMetadata(1, "x", H);
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        models.sealTraining(1);
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        models.transferFrom(alice, bob, 1);
        vm.stopPrank();
        models.setPaused(false);
        vm.prank(alice);
        models.transferFrom(alice, bob, 1);
        assertEq(models.ownerOf(1), bob);
    }

    function test_RevertWhen_PauseNotRegistry() public {
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryNotAttestationRegistry.selector, bob));
        vm.prank(bob);
        models.setPaused(true);
    }
}
