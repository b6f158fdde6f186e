/**
 * Official documents in the layout of Decree 30/2020 (OfficialDocument), their PDF and DOCX renderers, QR codes,
 * and the issuing body's settings (dondoc.reports), whose default signer is a person of the realm. May use
 * (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): security.
 */
package vn.dondoc.app.documents;
