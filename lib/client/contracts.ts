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

/** A view or pure function of a contract. */
export type ReadName<C extends ContractName> = ContractFunctionName<ContractAbi<C>, Reading>;
/** Arguments of a view or pure function. */
export type ReadArgs<C extends ContractName, F extends ReadName<C>> = ContractFunctionArgs<
  ContractAbi<C>,
  Reading,
  F
>;
/** Decoded return value of a view or pure function. */
export type ReadResult<C extends ContractName, F extends ReadName<C>> = ContractFunctionReturnType<
  ContractAbi<C>,
  Reading,
  F
>;

/** A state-changing function of a contract. */
export type WriteName<C extends ContractName> = ContractFunctionName<ContractAbi<C>, Writing>;
/** Arguments of a state-changing function. */
export type CallArgs<C extends ContractName, F extends WriteName<C>> = ContractFunctionArgs<
  ContractAbi<C>,
  Writing,
  F
>;
/** Return value of a state-changing function (what its simulation returns). */
export type CallResult<C extends ContractName, F extends WriteName<C>> = ContractFunctionReturnType<
  ContractAbi<C>,
  Writing,
  F
>;
