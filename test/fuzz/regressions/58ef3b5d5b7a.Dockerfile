# Note: changes to this file will necessitate updating test values. alternately, make a new image fixture instead of editing this one.
FROM scratch
ADD package.json / \

# comment
   
\
ADD target /target
