// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "../../../contracts/Common.sol";
import {HandlerState} from "./HandlerState.sol";

/// @dev Handler actions on certificates (SPEC 8, v1.1): record (also under other spellings, which must never
/// record), confirm, reject and revoke, each checked against a ghost of every record.
abstract contract CertificateActions is HandlerState {
    /// @dev Records a certificate: one of eight (registry, serial) pairs in canonical form, or (variant 4) the
    /// same certificate under another spelling of its registry or (variant 5) of its serial, which must never
    /// be recorded.
    function record(uint256 serialSeed, uint256 modelSeed, uint256 variant) external {
        uint256 m = _model(modelSeed);
        bytes32 registry = serialSeed % 2 == 0 ? bytes32("I-REC") : bytes32("Verra");
        string memory serial = string(abi.encodePacked("SE-", bytes1(uint8(0x30 + (serialSeed >> 1) % 4)), " TO 9"));
        variant %= 6;
        if (variant == 4) registry = serialSeed % 2 == 0 ? bytes32("i-rec") : bytes32("VERRA");
        if (variant == 5) serial = string(abi.encodePacked("se-", bytes1(uint8(0x30 + (serialSeed >> 1) % 4))));
        bytes32 h = keccak256(abi.encode(registry, serial));
        bytes32 latest = certLatest[h];
        CertificateStatus st = certGhosts[latest].status;
        bool held = st == CertificateStatus.Pending || st == CertificateStatus.Confirmed;
        address owner = models.ownerOf(m);
        vm.prank(owner);
        try certs.recordCertificate(m, CertificateKind.REC, 1000, registry, serial, "") returns (bytes32 id) {
            _check(variant < 4, "a certificate was recorded under another spelling");
            _check(!held && !isPaused, "recorded a held serial, or while paused");
            _check(certGhosts[id].serialHash == bytes32(0), "a certificate id was reused");
            if (latest == bytes32(0)) certSerials.push(h);
            else ++certSuccesses[4];
            certIds.push(id);
            certGhosts[id] = CertGhost(h, CertificateStatus.Pending, owner, m);
            certLatest[h] = id;
            ++certSuccesses[0];
        } catch {
            _check(variant >= 4 || held || isPaused, "unexpected record failure");
        }
    }

    function _certPending(bytes32 id) internal view returns (bool) {
        return certGhosts[id].status == CertificateStatus.Pending;
    }

    function _certConfirmed(bytes32 id) internal view returns (bool) {
        return certGhosts[id].status == CertificateStatus.Confirmed;
    }

    /// @dev A verifier confirms or rejects a certificate; it must succeed exactly when the SPEC allows it.
    function certVerdict(uint256 seed, bool confirm) external {
        if (certIds.length == 0) return;
        bytes32 id = _find(certIds, seed, _certPending);
        (address v,) = _verifier(seed >> 8);
        CertGhost storage g = certGhosts[id];
        bool allowed = !isPaused && g.status == CertificateStatus.Pending && certLatest[g.serialHash] == id
            && activeVerifier[v] && g.submitter != v && models.ownerOf(g.modelId) != v;
        vm.prank(v);
        bool ok;
        if (confirm) {
            try certs.confirmCertificate(id) {
                ok = true;
            } catch {}
        } else {
            try certs.rejectCertificate(id, bytes32(0)) {
                ok = true;
            } catch {}
        }
        _check(ok == allowed, "certificate verdict against the SPEC");
        if (ok) {
            g.status = confirm ? CertificateStatus.Confirmed : CertificateStatus.Rejected;
            ++certSuccesses[confirm ? 1 : 2];
        }
    }

    /// @dev The arbiter revokes a certificate; only a Confirmed latest record, outside a pause.
    function certRevoke(uint256 seed) external {
        if (certIds.length == 0) return;
        bytes32 id = _find(certIds, seed, _certConfirmed);
        CertGhost storage g = certGhosts[id];
        bool allowed = !isPaused && g.status == CertificateStatus.Confirmed && certLatest[g.serialHash] == id;
        vm.prank(arbiter);
        try certs.revokeCertificate(id, bytes32(0)) {
            _check(allowed, "revoked against the SPEC");
            g.status = CertificateStatus.Revoked;
            ++certSuccesses[3];
        } catch {
            _check(!allowed, "unexpected revoke failure");
        }
    }
}
