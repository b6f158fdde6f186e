/**
 * Official documents in the layout of Decree 30/2020 (OfficialDocument), their PDF and DOCX renderers, QR codes,
 * and the issuing body's settings (dondoc.reports). Uses no other capability package.
 */
package vn.dondoc.app.documents;
