// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "../Common.sol";

/// @dev The CertificateRegistry's word per serial, `_serials[serialKey]` (the top 224 bits of its serialHash),
/// holding the serial's latest certificate. The layout, written here only:
///
/// | bits     | field                                                  |
/// |----------|--------------------------------------------------------|
/// | 0..7     | status (`CertificateStatus`)                           |
/// | 8..15    | kind (`CertificateKind`)                               |
/// | 16..63   | modelId                                                |
/// | 64..223  | submitter                                              |
/// | 224..255 | record number (1 for the serial's first record)        |
///
/// A certificate id is `serialKey << 32 | record number` (bytes32), so an id leads back to its word.
type SerialWord is uint256;

using SerialWordLib for SerialWord global;

/// @title Getters and setters of the certificate serial word (layout above)
library SerialWordLib {
    uint256 private constant _M48 = (1 << 48) - 1;
    uint256 private constant _KIND_SHIFT = 8;
    uint256 private constant _MODEL_SHIFT = 16;
    uint256 private constant _SUBMITTER_SHIFT = 64;
    uint256 private constant _RECORD_SHIFT = 224;
    uint256 private constant _ID_SHIFT = 32;
    uint256 private constant _M32 = (1 << 32) - 1;

    /// @dev The key of a serial's word: the top 224 bits of its serialHash (or of one of its certificate ids).
    function keyOf(bytes32 hashOrId) internal pure returns (uint256) {
        return uint256(hashOrId) >> _ID_SHIFT;
    }

    /// @dev The certificate id of record number `record_` of the serial with key `key`.
    function certificateId(uint256 key, uint256 record_) internal pure returns (bytes32) {
        return bytes32((key << _ID_SHIFT) | record_);
    }

    /// @dev Whether the word's latest record is the certificate `id`.
    function holds(SerialWord w, bytes32 id) internal pure returns (bool) {
        return record(w) == uint256(id) & _M32;
    }

    /// @dev A new Pending record number `record`.
    function pending(CertificateKind k, uint256 modelId_, address submitter_, uint256 record_)
        internal
        pure
        returns (SerialWord)
    {
        return SerialWord.wrap(
            uint256(CertificateStatus.Pending) | (uint256(k) << _KIND_SHIFT) | (modelId_ << _MODEL_SHIFT)
                | (uint256(uint160(submitter_)) << _SUBMITTER_SHIFT) | (record_ << _RECORD_SHIFT)
        );
    }

    /// @dev The stored status (a valid CertificateStatus: only written from one).
    function status(SerialWord w) internal pure returns (CertificateStatus s) {
        assembly ("memory-safe") {
            s := and(w, 0xff)
        }
    }

    function withStatus(SerialWord w, CertificateStatus s) internal pure returns (SerialWord) {
        return SerialWord.wrap((SerialWord.unwrap(w) & ~uint256(0xff)) | uint256(s));
    }

    function kind(SerialWord w) internal pure returns (CertificateKind k) {
        assembly ("memory-safe") {
            k := and(shr(_KIND_SHIFT, w), 0xff)
        }
    }

    function modelId(SerialWord w) internal pure returns (uint256) {
        return (SerialWord.unwrap(w) >> _MODEL_SHIFT) & _M48;
    }

    function submitter(SerialWord w) internal pure returns (address) {
        // casting to 'uint160' is safe because it keeps bits 64..223 (the submitter) and drops the record number
        // forge-lint: disable-next-line(unsafe-typecast)
        return address(uint160(SerialWord.unwrap(w) >> _SUBMITTER_SHIFT));
    }

    /// @dev The record number of the serial's latest certificate (0: never recorded).
    function record(SerialWord w) internal pure returns (uint256) {
        return SerialWord.unwrap(w) >> _RECORD_SHIFT;
    }
}
