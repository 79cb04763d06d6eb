#!/usr/bin/env php-cgi
<?php
// Sets a cookie with header() and shows the cookies the browser sent back.
$visits = isset($_COOKIE['visits']) ? (int) $_COOKIE['visits'] + 1 : 1;
header('Set-Cookie: visits=' . $visits . '; Path=/; HttpOnly; SameSite=Lax');
header('Content-Type: text/html; charset=utf-8');
?>
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Cookies</title></head>
<body style="font-family:sans-serif;margin:2em">
<h1>Cookies</h1>
<p>This page set <code>visits=<?= $visits ?></code>. Reload to see it come back.</p>
<ul>
<?php foreach ($_COOKIE as $name => $value): ?>
  <li><b><?= htmlspecialchars($name) ?></b> = <?= htmlspecialchars($value) ?></li>
<?php endforeach; ?>
<?php if (!$_COOKIE): ?>
  <li><i>no cookies received yet</i></li>
<?php endif; ?>
</ul>
</body></html>
