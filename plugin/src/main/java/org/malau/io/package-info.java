/**
 * Files in and out, the same way for every command and node: tables through one CSV library
 * (Apache Commons CSV: RFC 4180 quoting, byte-order mark and CRLF accepted, non-UTF-8 reported as
 * such, duplicate columns refused) and outputs that are written beside their target and moved into
 * place only when the whole run succeeded, so that a failed or refused run never leaves a
 * half-written or emptied file behind and never overwrites one of its own inputs.
 */
package org.malau.io;
