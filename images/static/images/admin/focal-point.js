// Image change form: click the preview to set the focal point; the frame
// shows the 1200×630 crop used when the article is shared.
"use strict";

(function () {
  const OG_RATIO = 1200 / 630;

  document.addEventListener("DOMContentLoaded", function () {
    const picker = document.querySelector(".focal-picker");
    const inputX = document.getElementById("id_focal_x");
    const inputY = document.getElementById("id_focal_y");
    if (!picker || !inputX || !inputY) return;
    const img = picker.querySelector("img");
    const marker = picker.querySelector(".focal-picker__marker");
    const crop = picker.querySelector(".focal-picker__crop");

    function draw() {
      const hasPoint = inputX.value !== "" && inputY.value !== "";
      const x = hasPoint ? Number(inputX.value) / 100 : 0.5;
      const y = hasPoint ? Number(inputY.value) / 100 : 0.5;
      marker.hidden = !hasPoint;
      marker.style.left = `${x * 100}%`;
      marker.style.top = `${y * 100}%`;
      const width = img.clientWidth;
      const height = img.clientHeight;
      if (!width || !height) return;
      let boxW = width;
      let boxH = width / OG_RATIO;
      if (width / height > OG_RATIO) {
        boxW = height * OG_RATIO;
        boxH = height;
      }
      const left = Math.min(Math.max(x * width - boxW / 2, 0), width - boxW);
      const top = Math.min(Math.max(y * height - boxH / 2, 0), height - boxH);
      Object.assign(crop.style, {
        left: `${left}px`,
        top: `${top}px`,
        width: `${boxW}px`,
        height: `${boxH}px`,
      });
    }

    img.addEventListener("click", function (event) {
      const rect = img.getBoundingClientRect();
      inputX.value = Math.round(((event.clientX - rect.left) / rect.width) * 100);
      inputY.value = Math.round(((event.clientY - rect.top) / rect.height) * 100);
      draw();
    });
    inputX.addEventListener("input", draw);
    inputY.addEventListener("input", draw);
    img.addEventListener("load", draw);
    window.addEventListener("resize", draw);
    draw();
  });
})();
