/**
 * The Greenprint contracts' ABIs and the call types derived from them, so a function name,
 * its arguments and its return value are checked against lib/generated/contracts.ts (wagmi CLI
 * output of the forge artifacts): renaming a Solidity function fails the type check here.
 */
import type { ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType } from "viem";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  efficiencyBonusAbi,
  leafTokenAbi,
  modelRegistryAbi,
} from "../generated/contracts";

/** ABI of each contract, by its deployment name. */
export const ABIS = {
  ModelRegistry: modelRegistryAbi,
  AttestationRegistry: attestationRegistryAbi,
  CertificateRegistry: certificateRegistryAbi,
  EfficiencyBonus: efficiencyBonusAbi,
  LeafToken: leafTokenAbi,
} as const;

/** The Greenprint contracts, by their deployment names. */
export type ContractName = keyof typeof ABIS;

/** ABI type of a contract. */
export type ContractAbi<C extends ContractName> = (typeof ABIS)[C];

type Reading = "pure" | "view";
type Writing = "nonpayable" | "payable";
type Mutability = Reading | Writing;

/** Arguments of a function of a contract, among those of a mutability. */
type FunctionArgs<
  C extends ContractName,
  M extends Mutability,
  F extends ContractFunctionName<ContractAbi<C>, M>,
> = ContractFunctionArgs<ContractAbi<C>, M, F>;
/** Decoded return value of a function of a contract, among those of a mutability. */
type FunctionResult<
  C extends ContractName,
  M extends Mutability,
  F extends ContractFunctionName<ContractAbi<C>, M>,
> = ContractFunctionReturnType<ContractAbi<C>, M, F>;

/** A view or pure function of a contract. */
export type ReadName<C extends ContractName> = ContractFunctionName<ContractAbi<C>, Reading>;
/** Arguments of a view or pure function. */
export type ReadArgs<C extends ContractName, F extends ReadName<C>> = FunctionArgs<C, Reading, F>;
/** Decoded return value of a view or pure function. */
export type ReadResult<C extends ContractName, F extends ReadName<C>> = FunctionResult<C, Reading, F>;

/** A state-changing function of a contract. */
export type WriteName<C extends ContractName> = ContractFunctionName<ContractAbi<C>, Writing>;
/** Arguments of a state-changing function. */
export type CallArgs<C extends ContractName, F extends WriteName<C>> = FunctionArgs<C, Writing, F>;
/** Return value of a state-changing function (what its simulation returns). */
export type CallResult<C extends ContractName, F extends WriteName<C>> = FunctionResult<C, Writing, F>;
