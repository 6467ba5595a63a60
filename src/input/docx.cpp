// placeholder: src/input/document.h
