#!/usr/bin/env php-cgi
<?php header('Content-Type: text/html; charset=utf-8'); ?>
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Hello from PHP</title></head>
<body style="font-family:sans-serif;margin:2em">
<h1>Hello from PHP <?= htmlspecialchars(PHP_VERSION) ?></h1>
<p>Served by <?= htmlspecialchars($_SERVER['SERVER_SOFTWARE'] ?? '?') ?> through
<?= htmlspecialchars($_SERVER['GATEWAY_INTERFACE'] ?? '?') ?>.</p>
</body></html>
