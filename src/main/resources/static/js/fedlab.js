// fedlab: progressive enhancement only, loaded from 'self' (no inline script: the CSP forbids it).
// Copy buttons are hidden until this script shows them; without script the values stay selectable.
document.addEventListener('DOMContentLoaded', function () {
	if (!navigator.clipboard) {
		return;
	}
	document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
		button.hidden = false;
		var label = button.textContent;
		button.addEventListener('click', function () {
			var source = document.getElementById(button.getAttribute('data-copy'));
			if (!source) {
				return;
			}
			navigator.clipboard.writeText(source.textContent).then(function () {
				button.textContent = button.getAttribute('data-copied') || label;
				window.setTimeout(function () {
					button.textContent = label;
				}, 1500);
			});
		});
	});
});
