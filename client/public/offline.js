// The offline page's Reload button: a file, not an inline handler, as the CSP allows scripts from this origin only.
document.getElementById('reload').addEventListener('click', () => location.reload());
