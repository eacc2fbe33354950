// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev The ModelRegistry's word per model, `_models[modelId]`. The layout, written here only:
///
/// | bits     | field                                                                                 |
/// |----------|---------------------------------------------------------------------------------------|
/// | 0..47    | parentId                                                                              |
/// | 48..111  | parameterCount                                                                        |
/// | 112      | training sealed                                                                       |
/// | 120..255 | the attestation registry's cursor for the model (its layout: ModelCursor)            |
type ModelWord is uint256;

using ModelWordLib for ModelWord global;

/// @title Getters and setters of the model word (layout above)
library ModelWordLib {
    uint256 private constant _PARENT_MASK = (1 << 48) - 1;
    uint256 private constant _PARAMS_SHIFT = 48;
    uint256 private constant _SEALED = 1 << 112;
    uint256 private constant _CURSOR_SHIFT = 120;
    uint256 private constant _CURSOR_MASK = (1 << 136) - 1;

    /// @dev A new model: unsealed, empty cursor.
    function pack(uint256 parent, uint64 parameters) internal pure returns (ModelWord) {
        return ModelWord.wrap(parent | (uint256(parameters) << _PARAMS_SHIFT));
    }

    function parentId(ModelWord w) internal pure returns (uint256) {
        return ModelWord.unwrap(w) & _PARENT_MASK;
    }

    function parameterCount(ModelWord w) internal pure returns (uint64) {
        return uint64(ModelWord.unwrap(w) >> _PARAMS_SHIFT);
    }

    function isSealed(ModelWord w) internal pure returns (bool) {
        return ModelWord.unwrap(w) & _SEALED != 0;
    }

    function withSealed(ModelWord w) internal pure returns (ModelWord) {
        return ModelWord.wrap(ModelWord.unwrap(w) | _SEALED);
    }

    function cursor(ModelWord w) internal pure returns (uint256) {
        return ModelWord.unwrap(w) >> _CURSOR_SHIFT;
    }

    /// @dev The cursor replaced by the low 136 bits of `c`.
    function withCursor(ModelWord w, uint256 c) internal pure returns (ModelWord) {
        return ModelWord.wrap(
            (ModelWord.unwrap(w) & ~(_CURSOR_MASK << _CURSOR_SHIFT)) | ((c & _CURSOR_MASK) << _CURSOR_SHIFT)
        );
    }
}
