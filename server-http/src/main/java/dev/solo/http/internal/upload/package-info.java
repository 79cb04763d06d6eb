/**
 * File uploads and deletion: {@code upload on;} lets a location store request bodies as files and remove them again.
 *
 * <p>{@link dev.solo.http.internal.upload.UploadHandler} takes POST, PUT and DELETE; a multipart/form-data POST goes
 * through the streaming {@link dev.solo.http.internal.upload.MultipartParser}, any other body is stored as the file
 * the request path names. Every file is written to a hidden temporary file in its target directory and renamed into
 * place only once the whole request arrived intact, so nothing half-written ever looks finished.
 * {@link dev.solo.http.internal.upload.FileNames} decides which names a client may create.
 */
package dev.solo.http.internal.upload;
