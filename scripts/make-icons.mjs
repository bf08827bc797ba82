// Renders assets/icon.svg to the PNG electron-builder derives every platform's icon from (>= 512 px).
import sharp from 'sharp';
await sharp('assets/icon.svg').resize(1024, 1024).png().toFile('assets/icon.png');
await sharp('assets/icon.svg').resize(256, 256).png().toFile('renderer/public/favicon.png');
console.log('assets/icon.png, renderer/public/favicon.png');
