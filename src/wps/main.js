// The add-in's main page (index.html) loads this file, and this file the ribbon's callbacks, as WPS's ET add-in
// templates do (index.html → main.js → js/ribbon.js). Written in ES5: it runs before anything else in WPS's page.
document.write('<script type="text/javascript" src="js/ribbon.js"></script>');
