/**
 * Uploaded files: staging, storage, content sniffing, refusal of active PDF content, verification of PDF
 * signatures, and the rule of who may read a file (AttachmentAccessPolicy, which each capability implements for
 * its own files). May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): security, web.
 */
package vn.dondoc.app.attachments;
